package jp.nop.cx.registration.application;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.nop.cx.registration.partner.Company;
import jp.nop.cx.registration.partner.Contact;
import jp.nop.cx.registration.partner.Decision;
import jp.nop.cx.registration.partner.Language;
import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.Representative;
import jp.nop.cx.registration.partner.TermsAgreement;

/** An application under review (Art. 2.1), with the evidence of the applicant's acceptance of the terms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationView(String id, ApplicationStatus status, Company company, Representative representative,
		Contact contact, Language preferredLanguage, TermsAgreement agreement, Instant submittedAt,
		Decision decision, String partnerId) {

	static ApplicationView of(Partner partner) {
		return new ApplicationView(partner.id(), ApplicationStatus.of(partner.status()), partner.company(),
				partner.representative(), partner.contact(), partner.preferredLanguage(), partner.agreement(),
				partner.submittedAt(), partner.decision(), partner.partnerId());
	}
}
