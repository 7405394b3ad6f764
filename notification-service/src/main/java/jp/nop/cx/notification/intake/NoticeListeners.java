package jp.nop.cx.notification.intake;

import java.util.function.Consumer;

import jp.nop.cx.events.CredentialCompromised;
import jp.nop.cx.events.CredentialDeleted;
import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.CredentialLocked;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerReinstated;
import jp.nop.cx.events.PartnerSuspended;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.PartnerThrottled;
import jp.nop.cx.events.PartnerTransferRefused;
import jp.nop.cx.events.PartnerTransferRequested;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.PartnerUpdated;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.events.RegistrationRejected;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.events.ResumptionDecided;
import jp.nop.cx.events.ResumptionProposed;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka consumers (Spring Cloud Stream functions, bound in application.yml): every topic the
 * policy table notifies on, and the registration topics the partner projection follows. Each is
 * idempotent by {@code ce_id} and only translates; {@link NoticeIntake} decides. Topics the table
 * keeps silent about (partner-activity, partner-standing, terms-accepted, credential-revoked,
 * excessive-load-detected) are not consumed at all.
 */
@Configuration(proxyBeanMethods = false)
class NoticeListeners {

	@Bean
	Consumer<Message<byte[]>> onRegistrationSubmitted(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onRegistrationSubmitted", RegistrationSubmitted.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onRegistrationRejected(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onRegistrationRejected", RegistrationRejected.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerApproved(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerApproved", PartnerApproved.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerUpdated(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerUpdated", PartnerUpdated.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTerminationScheduled(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerTerminationScheduled", PartnerTerminationScheduled.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTerminated(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerTerminated", PartnerTerminated.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTransferred(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerTransferred", PartnerTransferred.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onCredentialIssued(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onCredentialIssued", CredentialIssued.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onCredentialLocked(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onCredentialLocked", CredentialLocked.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onCredentialCompromised(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onCredentialCompromised", CredentialCompromised.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onCredentialDeleted(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onCredentialDeleted", CredentialDeleted.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onTermsChanged(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onTermsChanged", TermsChanged.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerWarned(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerWarned", PartnerWarned.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerSuspended(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerSuspended", PartnerSuspended.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerThrottled(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerThrottled", PartnerThrottled.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerReinstated(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerReinstated", PartnerReinstated.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTransferRequested(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerTransferRequested", PartnerTransferRequested.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onPartnerTransferRefused(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onPartnerTransferRefused", PartnerTransferRefused.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onResumptionProposed(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onResumptionProposed", ResumptionProposed.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onResumptionDecided(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onResumptionDecided", ResumptionDecided.class, intake::accept);
	}

	@Bean
	Consumer<Message<byte[]>> onServiceStatusChanged(EventConsumers consumers, NoticeIntake intake) {
		return consumers.idempotent("onServiceStatusChanged", ServiceStatusChanged.class, intake::accept);
	}
}
