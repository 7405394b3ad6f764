package jp.nop.cx.registration.terms;

import java.util.function.Consumer;

import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Listens to {@code terms-changed} (Art. 16.1) to know the version in force. */
@Configuration(proxyBeanMethods = false)
class TermsChangedConsumer {

	@Bean
	Consumer<Message<byte[]>> onTermsChanged(EventConsumers consumers, TermsInForce terms) {
		return consumers.idempotent("onTermsChanged", TermsChanged.class, (event) -> terms.record(event.payload()));
	}
}
