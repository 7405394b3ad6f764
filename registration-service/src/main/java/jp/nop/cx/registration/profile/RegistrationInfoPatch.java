package jp.nop.cx.registration.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jp.nop.cx.registration.partner.Company;
import jp.nop.cx.registration.partner.Contact;
import jp.nop.cx.registration.partner.CorporateNumberFormat;
import jp.nop.cx.registration.partner.EmailFormat;
import jp.nop.cx.registration.partner.Language;
import jp.nop.cx.registration.partner.NullOrNotBlank;
import jp.nop.cx.registration.partner.PhoneNumberFormat;
import jp.nop.cx.registration.partner.PostalCodeFormat;
import jp.nop.cx.registration.partner.Representative;
import jp.nop.cx.platform.validation.SingleLine;

/**
 * A partial change of the registration information (Art. 3): what is sent replaces, what is left
 * out stays. The corporate number may be sent, but only unchanged.
 */
public record RegistrationInfoPatch(@Valid CompanyPatch company, @Valid RepresentativePatch representative,
		@Valid ContactPatch contact, Language preferredLanguage) {

	public record CompanyPatch(@NullOrNotBlank @Size(max = 200) @SingleLine String name,
			@NullOrNotBlank @CorporateNumberFormat String corporateNumber,
			@NullOrNotBlank @PostalCodeFormat String postalCode, @NullOrNotBlank @Size(max = 300) @SingleLine String address) {
	}

	public record RepresentativePatch(@NullOrNotBlank @Size(max = 100) @SingleLine String name,
			@NullOrNotBlank @Size(max = 100) @SingleLine String title) {
	}

	public record ContactPatch(@NullOrNotBlank @Size(max = 100) @SingleLine String name,
			@NullOrNotBlank @EmailFormat String email, @NullOrNotBlank @PhoneNumberFormat String phone) {
	}

	Company applyTo(Company current) {
		if (this.company == null) {
			return current;
		}
		return Company.of(or(this.company.name(), current.name()),
				or(this.company.corporateNumber(), current.corporateNumber()),
				or(this.company.postalCode(), current.postalCode()), or(this.company.address(), current.address()));
	}

	Representative applyTo(Representative current) {
		if (this.representative == null) {
			return current;
		}
		String name = or(this.representative.name(), (current != null) ? current.name() : null);
		String title = or(this.representative.title(), (current != null) ? current.title() : null);
		return Representative.of(name, title);
	}

	Contact applyTo(Contact current) {
		if (this.contact == null) {
			return current;
		}
		return Contact.of(or(this.contact.name(), current.name()), or(this.contact.email(), current.email()),
				or(this.contact.phone(), current.phone()));
	}

	Language applyTo(Language current) {
		return (this.preferredLanguage != null) ? this.preferredLanguage : current;
	}

	private static String or(String given, String current) {
		return (given != null) ? given : current;
	}
}
