package jp.nop.cx.registration.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.nop.cx.registration.partner.CompanyInput;
import jp.nop.cx.registration.partner.ContactInput;
import jp.nop.cx.registration.partner.Language;
import jp.nop.cx.registration.partner.RepresentativeInput;
import jp.nop.cx.platform.validation.SingleLine;

/** NOP's application form (サービス利用申込書, Art. 3). */
public record ApplicationForm(@NotNull @Valid CompanyInput company, @NotNull @Valid RepresentativeInput representative,
		@NotNull @Valid ContactInput contact, Language preferredLanguage, @NotNull @Valid Agreement agreement) {

	/**
	 * The applicant's declaration about the terms. Whether it is acceptable (accepted, and the
	 * version in force) is the domain's rule, answered with the version in force.
	 */
	public record Agreement(@NotBlank @Size(max = 50) @SingleLine String termsVersion, @NotNull Boolean accepted) {
	}
}
