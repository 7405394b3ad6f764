package jp.nop.cx.identity.credential;

import java.util.function.Consumer;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Kafka adapters: registration-service's partner events, each handled once by its {@code ce_id}. */
@Configuration(proxyBeanMethods = false)
class PartnerEventConsumers {

	@Bean
	Consumer<Message<byte[]>> onPartnerApproved(EventConsumers consumers, PartnerLifecycle lifecycle) {
		return consumers.idempotent("onPartnerApproved", PartnerApproved.class, (e) -> lifecycle.approved(e.payload()));
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTerminated(EventConsumers consumers, PartnerLifecycle lifecycle) {
		return consumers.idempotent("onPartnerTerminated", PartnerTerminated.class,
				(e) -> lifecycle.terminated(e.payload()));
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTransferred(EventConsumers consumers, PartnerLifecycle lifecycle) {
		return consumers.idempotent("onPartnerTransferred", PartnerTransferred.class,
				(e) -> lifecycle.transferred(e.payload()));
	}
}
