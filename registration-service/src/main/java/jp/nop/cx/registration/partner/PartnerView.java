package jp.nop.cx.registration.partner;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The partner's registration information (Art. 3) as the partner and operators read it.
 * {@code status} is {@code ACTIVE}, {@code TERMINATION_SCHEDULED} or {@code TERMINATED}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(String partnerId, String status, Company company, Representative representative,
		Contact contact, Language preferredLanguage, String applicationId, String termsVersion,
		Instant termsAcceptedAt, Instant approvedAt, ScheduledTermination termination, Instant terminatedAt,
		Instant updatedAt) {

	/** A scheduled (or, once terminated, the effected) end of the partnership. */
	public record ScheduledTermination(LocalDate effectiveOn, Party initiatedBy, String reason, Instant scheduledAt) {
	}

	public static PartnerView of(Partner partner) {
		Termination t = partner.termination();
		return new PartnerView(partner.partnerId(), status(partner.status()), partner.company(),
				partner.representative(), partner.contact(), partner.preferredLanguage(), partner.id(),
				partner.agreement().termsVersion(), partner.agreement().acceptedAt(), partner.decision().decidedAt(),
				(t != null) ? new ScheduledTermination(t.effectiveOn(), t.initiatedBy(), t.reason(), t.scheduledAt())
						: null,
				partner.terminatedAt(), partner.updatedAt());
	}

	/** The partner-facing name of a status;. */
	public static String status(PartnerStatus status) {
		return (status == PartnerStatus.APPROVED) ? "ACTIVE" : status.name();
	}
}
