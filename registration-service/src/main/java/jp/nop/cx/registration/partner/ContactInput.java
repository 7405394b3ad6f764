package jp.nop.cx.registration.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.validation.SingleLine;

public record ContactInput(@NotBlank @Size(max = 100) @SingleLine String name, @NotBlank @EmailFormat String email,
		@NotBlank @PhoneNumberFormat String phone) {

	public Contact toContact() {
		return Contact.of(this.name, this.email, this.phone);
	}
}
