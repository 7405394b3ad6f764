package jp.nop.cx.gateway.enforcement;

import java.util.function.Consumer;

import jp.nop.cx.events.PartnerStanding;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.gateway.readiness.StateLoading;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two compacted topics enforcement-service keeps current, read by every gateway instance from
 * the beginning (an anonymous consumer group each), so each holds the whole state.
 */
@Configuration(proxyBeanMethods = false)
class EnforcementConfiguration {

	@Bean
	Consumer<Message<byte[]>> onPartnerStanding(EventConsumers consumers, StateLoading loading,
			PartnerStandings standings) {
		return loading.tracked(consumers.idempotent("onPartnerStanding", PartnerStanding.class,
				(event) -> standings.apply(event.payload())));
	}

	@Bean
	Consumer<Message<byte[]>> onServiceStatusChanged(EventConsumers consumers, StateLoading loading,
			ServiceStatusBoard statusBoard) {
		return loading.tracked(consumers.idempotent("onServiceStatusChanged", ServiceStatusChanged.class,
				(event) -> statusBoard.apply(event.payload())));
	}
}
