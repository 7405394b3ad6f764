package jp.nop.cx.notification.intake;

import java.util.List;
import java.util.Optional;

import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.CredentialLocked;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.RegistrationRejected;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.notification.delivery.Recipient;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.NoticeRule;
import jp.nop.cx.notification.system.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * Who a rule's audience is for one event: from the event where it carries the address, from the
 * projection otherwise. The partner-scoped events are keyed by partner ID (SPEC section 4), so
 * their partition key is the partner.
 */
@Component
class Recipients {

	private final NotificationProperties properties;

	Recipients(NotificationProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param partner the projection as it was before this event was applied (the transferor's
	 * language is the partner's language before the transfer)
	 */
	List<Recipient> of(NoticeRule rule, CxEvent payload, Optional<PartnerProjection> partner) {
		Audience audience = rule.audience();
		String partnerId = payload.partitionKey();
		String company = partner.map(PartnerProjection::companyName).orElse(null);
		switch (audience) {
			case APPLICANT:
				if (payload instanceof RegistrationSubmitted e) {
					return List.of(new Recipient(audience, "applicant:" + e.applicationId(), null, e.contactEmail(),
							e.preferredLanguage(), e.contactName(), e.companyName()));
				}
				if (payload instanceof RegistrationRejected e) {
					return List.of(new Recipient(audience, "applicant:" + e.applicationId(), null, e.contactEmail(),
							e.preferredLanguage(), e.contactName(), e.companyName()));
				}
				return List.of();
			case CREDENTIAL_HOLDER:
				if (payload instanceof CredentialIssued e) {
					// Art. 4.1: to the holder of this ID (an administrator or a member), not the company contact.
					return List.of(new Recipient(audience, "login:" + e.loginId(), e.partnerId(), e.email(),
							e.preferredLanguage(), null, company));
				}
				if (payload instanceof CredentialLocked e) {
					return List.of(new Recipient(audience, "login:" + e.loginId(), e.partnerId(), e.email(),
							e.preferredLanguage(), null, company));
				}
				return List.of();
			case OPERATOR:
				return List.of(new Recipient(audience, "operator", partnerId, this.properties.operatorEmail(),
						this.properties.operatorLanguage(), null, company));
			case TRANSFEROR:
				if (payload instanceof PartnerTransferred e) {
					return List.of(new Recipient(audience, "transferor:" + e.transferId(), e.partnerId(),
							e.previousContactEmail(), partner.map(PartnerProjection::preferredLanguage).orElse(null),
							null, e.previousCompanyName()));
				}
				return List.of();
			case TRANSFEREE:
				if (payload instanceof PartnerTransferred e) {
					return List.of(new Recipient(audience, Recipient.partnerKey(e.partnerId()), e.partnerId(),
							e.contactEmail(), e.preferredLanguage(), e.contactName(), e.companyName()));
				}
				return List.of();
			case PARTNER_CONTACT:
				if (payload instanceof PartnerApproved e) {
					return List.of(new Recipient(audience, Recipient.partnerKey(e.partnerId()), e.partnerId(),
							e.contactEmail(), e.preferredLanguage(), e.contactName(), e.companyName()));
				}
				// Unknown partner (its approval not projected yet): the lane completes the address later.
				return List.of(partner.map((p) -> contact(p, audience))
					.orElseGet(() -> new Recipient(audience, Recipient.partnerKey(partnerId), partnerId, null, null,
							null, null)));
			default:
				// ALL_ACTIVE_PARTNERS is written page by page by the fan-out; NONE has nobody.
				return List.of();
		}
	}

	static Recipient contact(PartnerProjection partner, Audience audience) {
		return new Recipient(audience, Recipient.partnerKey(partner.partnerId()), partner.partnerId(),
				partner.contactEmail(), partner.preferredLanguage(), partner.contactName(), partner.companyName());
	}
}
