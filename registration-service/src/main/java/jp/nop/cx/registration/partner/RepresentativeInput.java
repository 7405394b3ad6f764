package jp.nop.cx.registration.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.validation.SingleLine;

public record RepresentativeInput(@NotBlank @Size(max = 100) @SingleLine String name,
		@NotBlank @Size(max = 100) @SingleLine String title) {

	public Representative toRepresentative() {
		return Representative.of(this.name, this.title);
	}
}
