package jp.nop.cx.gateway.activity;

import java.time.Clock;
import java.util.function.Consumer;

import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.gateway.messaging.CloudEventPublisher;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class ActivityConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "cx.gateway.activity.enabled", matchIfMissing = true)
	ActivityFilter activityFilter(ActivityProperties properties, TermsCalendar terms, CloudEventPublisher publisher,
			Clock clock) {
		return new ActivityFilter(new ActivitySampler(properties.interval(), terms), publisher, clock);
	}

	/** Art. 16: every instance learns every version's effective instant, from the beginning. */
	@Bean
	Consumer<Message<byte[]>> onTermsChanged(EventConsumers consumers, TermsCalendar terms) {
		return consumers.idempotent("onTermsChanged", TermsChanged.class, (event) -> terms.apply(event.payload()));
	}
}
