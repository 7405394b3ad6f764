package jp.nop.cx.identity.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Art. 4.1: the holder of an activation link sets the password (anonymous: the token is the proof). */
@RestController
class ActivationController {

	private final CredentialService credentials;

	ActivationController(CredentialService credentials) {
		this.credentials = credentials;
	}

	@Operation(summary = "Activate an ID with the mailed token and set its password (Art. 4.1) / IDを有効化する",
			responses = { @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "400", description = "`activation-invalid`: unknown or used token."),
					@ApiResponse(responseCode = "410", description = "`activation-expired`: ask NOP for a new link."),
					@ApiResponse(responseCode = "422", description = "`password-policy`: the password is too weak.") })
	@PostMapping("/api/v1/auth/activation")
	Activated activate(@Valid @RequestBody ActivationRequest request) {
		return new Activated(this.credentials.activate(request.token(), request.newPassword()));
	}

	record ActivationRequest(@NotBlank @Size(max = 200) String token, @NotNull @Size(max = 256) String newPassword) {

		@Override
		public String toString() {
			return "ActivationRequest[****]";
		}
	}

	/** The login ID the password now belongs to, so the holder knows what to sign in with. */
	record Activated(String loginId) {
	}
}
