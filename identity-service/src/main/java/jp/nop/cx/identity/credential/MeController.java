package jp.nop.cx.identity.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own login ID (any role). */
@RestController
class MeController {

	private final CredentialService credentials;

	MeController(CredentialService credentials) {
		this.credentials = credentials;
	}

	@Operation(summary = "The caller's own ID / 自分のID")
	@GetMapping("/api/v1/identity/me")
	CredentialView me(CxPrincipal principal) {
		return CredentialView.of(this.credentials.find(principal.loginId()));
	}

	@Operation(summary = "Change the own password / パスワードを変更する")
	@PutMapping("/api/v1/identity/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(CxPrincipal principal, @Valid @RequestBody PasswordChange request) {
		this.credentials.changePassword(principal.loginId(), request.currentPassword(), request.newPassword());
	}

	record PasswordChange(@NotBlank @Size(max = 256) String currentPassword,
			@NotNull @Size(max = 256) String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[****]";
		}
	}
}
