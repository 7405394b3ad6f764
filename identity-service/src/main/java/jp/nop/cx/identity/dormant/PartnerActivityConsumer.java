package jp.nop.cx.identity.dormant;

import java.util.function.Consumer;

import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Art. 4.5: the gateway's {@code partner-activity} is what "use" means for an ID that signed in
 * long ago and keeps refreshing its session elsewhere; it moves the ID's last use forward.
 */
@Configuration(proxyBeanMethods = false)
class PartnerActivityConsumer {

	@Bean
	Consumer<Message<byte[]>> onPartnerActivity(EventConsumers consumers, CredentialRepository credentials) {
		return consumers.idempotent("onPartnerActivity", PartnerActivity.class, (event) -> {
			PartnerActivity activity = event.payload();
			if (activity.loginId() != null && activity.occurredAt() != null) {
				credentials.recordUse(activity.loginId(), activity.occurredAt());
			}
		});
	}
}
