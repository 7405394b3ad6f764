package jp.nop.cx.registration.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RepresentativeInput(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String title) {

	public Representative toRepresentative() {
		return Representative.of(this.name, this.title);
	}
}
