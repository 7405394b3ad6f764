package jp.nop.cx.terms.partner;

import java.util.function.Consumer;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.platform.messaging.EventConsumers;
import jp.nop.cx.terms.acceptance.AcceptanceService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The partners' lifecycle from registration-service. */
@Configuration(proxyBeanMethods = false)
class PartnerEvents {

	/**
	 * Art. 2.1, 3: a new partner, who agreed to the terms in the application. One consumer for both
	 * (two bindings in one group would split the topic between them); each step is idempotent, so a
	 * retry after a failure in the second repeats the first harmlessly.
	 */
	@Bean
	Consumer<Message<byte[]>> onPartnerApproved(EventConsumers consumers, PartnerDirectory partners,
			AcceptanceService acceptances) {
		return consumers.idempotent("onPartnerApproved", PartnerApproved.class, (event) -> {
			partners.approved(event.payload());
			acceptances.recordAtApplication(event.payload());
		});
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTerminated(EventConsumers consumers, PartnerDirectory partners) {
		return consumers.idempotent("onPartnerTerminated", PartnerTerminated.class,
				(event) -> partners.terminated(event.payload()));
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTransferred(EventConsumers consumers, PartnerDirectory partners) {
		return consumers.idempotent("onPartnerTransferred", PartnerTransferred.class,
				(event) -> partners.transferred(event.payload()));
	}
}
