package jp.nop.cx.registration.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.validation.SingleLine;

/** A company as an applicant or transferor types it (application form, Art. 3; transfer, Art. 17). */
public record CompanyInput(@NotBlank @Size(max = 200) @SingleLine String name, @NotBlank @CorporateNumberFormat String corporateNumber,
		@NotBlank @PostalCodeFormat String postalCode, @NotBlank @Size(max = 300) @SingleLine String address) {

	public Company toCompany() {
		return Company.of(this.name, this.corporateNumber, this.postalCode, this.address);
	}
}
