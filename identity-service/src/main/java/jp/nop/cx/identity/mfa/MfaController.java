package jp.nop.cx.identity.mfa;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own second factor (any role; also with an enrolment-only token, ADR 0018). */
@RestController
class MfaController {

	private static final String PATH = "/api/v1/identity/me/mfa";

	private final SecondFactors factors;

	MfaController(SecondFactors factors) {
		this.factors = factors;
	}

	@Operation(summary = "Start enrolling a TOTP second factor: the secret, shown once / 二要素認証の登録を始める",
			responses = { @ApiResponse(responseCode = "201", description = "Pending until confirmed with a first code",
					useReturnTypeSchema = true),
					@ApiResponse(responseCode = "409", description = "`mfa-already-enrolled`: remove the active factor first.") })
	@PostMapping(PATH)
	ResponseEntity<EnrolmentResponse> enrol(CxPrincipal principal) {
		SecondFactors.Enrolment enrolment = this.factors.enrol(principal.loginId());
		return ResponseEntity.created(URI.create(PATH))
			.cacheControl(CacheControl.noStore())
			.body(new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri()));
	}

	@Operation(summary = "Confirm the enrolment with a first code: recovery codes, shown once / 登録を確定する",
			responses = { @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "409", description = "`mfa-not-pending`: no enrolment started (or it expired)."),
					@ApiResponse(responseCode = "422", description = "`mfa-code-invalid`: not the code of the secret now.") })
	@PostMapping(PATH + "/confirmation")
	ResponseEntity<ConfirmationResponse> confirm(CxPrincipal principal, @Valid @RequestBody CodeRequest request) {
		List<String> codes = this.factors.confirm(principal.loginId(), request.code());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ConfirmationResponse(codes));
	}

	@Operation(summary = "Remove the second factor with a TOTP or recovery code / 二要素認証を解除する",
			responses = {
					@ApiResponse(responseCode = "409", description = "`mfa-not-enrolled`: the ID has no second factor."),
					@ApiResponse(responseCode = "422",
							description = "`mfa-code-invalid`: wrong, used or expired code (counts towards the lock of the ID)."),
					@ApiResponse(responseCode = "423", description = "`sign-in-locked`: too many wrong codes.") })
	@DeleteMapping(PATH)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(CxPrincipal principal, @Valid @RequestBody CodeRequest request) {
		this.factors.remove(principal.loginId(), request.code());
	}

	/** @param secret base32, for typing into an authenticator app; {@code otpauthUri} carries it too */
	record EnrolmentResponse(String secret, String otpauthUri) {

		@Override
		public String toString() {
			return "EnrolmentResponse[****]";
		}
	}

	/** @param recoveryCodes each signs in once instead of a TOTP code; only their hashes are kept */
	record ConfirmationResponse(List<String> recoveryCodes) {

		@Override
		public String toString() {
			return "ConfirmationResponse[****]";
		}
	}

	/** @param code a 6-digit TOTP code, or (to remove the factor) a recovery code */
	record CodeRequest(@NotBlank @Size(max = 64) String code) {

		@Override
		public String toString() {
			return "CodeRequest[****]";
		}
	}
}
