package jp.nop.cx.identity.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.identity.audit.SignInAudit;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.web.ClientInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in and token refresh (anonymous: the body is the credential). */
@RestController
class TokenController {

	private final SignInService signIn;

	private final SignInAudit audit;

	TokenController(SignInService signIn, SignInAudit audit) {
		this.signIn = signIn;
		this.audit = audit;
	}

	@Operation(summary = "Sign in: access and refresh token / サインイン",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", examples = @ExampleObject(name = "operator",
							value = "{\"loginId\": \"operator\", \"password\": \"the password ./cx up printed\"}"))),
			responses = { @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "401",
							description = "`sign-in-failed`: unknown ID, wrong password, locked or not active (one answer for all). "
									+ "`mfa-required`: the password is right and the ID has a second factor; the problem's `challenge` "
									+ "goes to `POST /api/v1/auth/token/mfa` with the code.") })
	@PostMapping("/api/v1/auth/token")
	ResponseEntity<TokenResponse> token(@Valid @RequestBody SignInRequest request, ClientInfo client) {
		String action = "POST /api/v1/auth/token";
		try {
			TokenResponse tokens = this.signIn.signIn(request.loginId(), request.password(), client.address());
			// Art. 4.2: every sign-in outcome is in the audit trail.
			this.audit.signedIn(action, request.loginId(), client.address(), client.userAgent());
			return noStore(tokens);
		}
		catch (RuleViolation refused) {
			this.audit.refused(action, request.loginId(), refused.kind().status(), refused.code(),
					client.address(), client.userAgent());
			throw refused;
		}
	}

	@Operation(summary = "Sign in, second step: the challenge and a TOTP or recovery code / 確認コードでサインインする",
			responses = { @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "401",
							description = "`mfa-failed`: wrong, used or expired code (counts as a failed sign-in; the challenge "
									+ "may be tried again a few times). `mfa-challenge-invalid`: unknown, used, expired or "
									+ "exhausted challenge: sign in again."),
					@ApiResponse(responseCode = "423", description = "`sign-in-locked` (+ `Retry-After`)."),
					@ApiResponse(responseCode = "429", description = "`sign-in-rate-limited` (+ `Retry-After`).") })
	@PostMapping("/api/v1/auth/token/mfa")
	ResponseEntity<TokenResponse> secondFactor(@Valid @RequestBody SecondFactorRequest request, ClientInfo client) {
		String action = "POST /api/v1/auth/token/mfa";
		String loginId = this.signIn.challengeOwner(request.challenge()).orElse(null);
		try {
			TokenResponse tokens = this.signIn.completeWithSecondFactor(request.challenge(), request.code(),
					client.address());
			this.audit.signedIn(action, loginId, client.address(), client.userAgent());
			return noStore(tokens);
		}
		catch (RuleViolation refused) {
			this.audit.refused(action, loginId, refused.kind().status(), refused.code(), client.address(),
					client.userAgent());
			throw refused;
		}
	}

	@Operation(summary = "New tokens for a refresh token (rotated) / トークンを更新する",
			responses = { @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "401", description = "`refresh-failed`: unknown, used or expired refresh token.") })
	@PostMapping("/api/v1/auth/refresh")
	ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
		return noStore(this.signIn.refresh(request.refreshToken()));
	}

	private static ResponseEntity<TokenResponse> noStore(TokenResponse body) {
		// RFC 6749 section 5.1: token responses must not be cached.
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	record SignInRequest(@NotBlank @Size(max = 64) String loginId, @NotBlank @Size(max = 256) String password) {

		@Override
		public String toString() {
			return "SignInRequest[loginId=" + this.loginId + ", password=****]";
		}
	}

	record SecondFactorRequest(@NotBlank @Size(max = 200) String challenge, @NotBlank @Size(max = 64) String code) {

		@Override
		public String toString() {
			return "SecondFactorRequest[****]";
		}
	}

	record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[****]";
		}
	}
}
