package jp.nop.cx.identity.credential;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.identity.bruteforce.BruteForceProtection;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The mailed unlock link's target (anonymous: the token is the proof). */
@RestController
class UnlockController {

	private final BruteForceProtection bruteForce;

	UnlockController(BruteForceProtection bruteForce) {
		this.bruteForce = bruteForce;
	}

	@Operation(summary = "Lift a whole-ID lock with the mailed single-use link / ロックを解除する")
	@PostMapping("/api/v1/auth/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@Valid @RequestBody UnlockRequest request) {
		this.bruteForce.unlock(ActivationToken.hashOf(request.token()))
			.orElseThrow(() -> new RuleViolation(RuleViolation.Kind.BAD_REQUEST, "unlock-invalid"));
	}

	record UnlockRequest(@NotBlank @Size(max = 200) String token) {

		@Override
		public String toString() {
			return "UnlockRequest[****]";
		}
	}
}
