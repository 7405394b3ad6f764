package jp.nop.cx.registration.transfer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.nop.cx.registration.partner.CompanyInput;
import jp.nop.cx.registration.partner.ContactInput;
import jp.nop.cx.registration.partner.Language;
import jp.nop.cx.registration.partner.RepresentativeInput;
import jp.nop.cx.registration.partner.Transferee;
import jp.nop.cx.platform.validation.MultiLine;

/** Art. 17: the partner asks NOP's consent to transfer its status to {@code transferee}, for {@code reason}. */
public record TransferForm(@NotNull @Valid TransfereeInput transferee, @NotBlank @Size(max = 2000) @MultiLine String reason) {

	/** The third party; its representative may follow later, its contact receives the new administrator ID. */
	public record TransfereeInput(@NotNull @Valid CompanyInput company, @Valid RepresentativeInput representative,
			@NotNull @Valid ContactInput contact, Language preferredLanguage) {

		Transferee toTransferee() {
			return new Transferee(this.company.toCompany(),
					(this.representative != null) ? this.representative.toRepresentative() : null,
					this.contact.toContact(), this.preferredLanguage);
		}
	}
}
