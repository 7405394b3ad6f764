package jp.nop.cx.terms.acceptance;

import java.util.function.Consumer;

import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** What other services tell this one about acceptance: uses of the portal, and applications. */
@Configuration(proxyBeanMethods = false)
class AcceptanceEvents {

	/** Art. 2.2, 16.3: the gateway reports each partner ID's use (at most once a minute). */
	@Bean
	Consumer<Message<byte[]>> onPartnerActivity(EventConsumers consumers, AcceptanceService acceptances) {
		return consumers.idempotent("onPartnerActivity", PartnerActivity.class,
				(event) -> acceptances.recordDeemedByUse(event.payload()));
	}

	/** Art. 3: where the applicant agreed from, for the acceptance recorded at approval. */
	@Bean
	Consumer<Message<byte[]>> onRegistrationSubmitted(EventConsumers consumers, AcceptanceService acceptances) {
		return consumers.idempotent("onRegistrationSubmitted", RegistrationSubmitted.class,
				(event) -> acceptances.rememberApplication(event.payload()));
	}
}
