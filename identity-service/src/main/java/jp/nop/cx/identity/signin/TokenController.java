package jp.nop.cx.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.identity.audit.SignInAudit;
import jp.nop.cx.platform.web.ProblemException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<TokenResponse> token(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
		String client = ClientAddress.of(http);
		String userAgent = http.getHeader(HttpHeaders.USER_AGENT);
		String action = "POST /api/v1/auth/token";
		try {
			TokenResponse tokens = this.signIn.signIn(request.loginId(), request.password(), client);
			// Art. 4.2: every sign-in outcome is in the audit trail.
			this.audit.signedIn(action, request.loginId(), client, userAgent);
			return noStore(tokens);
		}
		catch (ProblemException refused) {
			this.audit.refused(action, request.loginId(), refused, client, userAgent);
			throw refused;
		}
	}

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

	record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[****]";
		}
	}
}
