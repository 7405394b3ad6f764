package jp.nop.cx.enforcement.partner;

import java.util.function.Consumer;

import jp.nop.cx.enforcement.cases.CaseService;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Which partners exist, learnt from registration-service: a case can only be opened against a
 * partner NOP approved (Art. 2.1), whose status may since have passed to a transferee (Art. 17)
 * or ended (Art. 12). Each handler only sets facts, so a redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class PartnerEventConsumers {

	@Bean
	Consumer<Message<byte[]>> onPartnerApproved(EventConsumers consumers, CaseService cases) {
		return consumers.idempotent("onPartnerApproved", PartnerApproved.class, (event) -> cases
			.partnerKnown(event.payload().partnerId(), event.payload().companyName(), event.payload().approvedAt()));
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTransferred(EventConsumers consumers, CaseService cases) {
		return consumers.idempotent("onPartnerTransferred", PartnerTransferred.class,
				(event) -> cases.partnerKnown(event.payload().partnerId(), event.payload().companyName(),
						event.payload().transferredAt()));
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTerminated(EventConsumers consumers, CaseService cases) {
		return consumers.idempotent("onPartnerTerminated", PartnerTerminated.class,
				(event) -> cases.partnerTerminated(event.payload().partnerId(), event.payload().terminatedAt()));
	}
}
