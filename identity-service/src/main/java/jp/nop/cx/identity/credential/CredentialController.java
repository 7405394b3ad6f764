package jp.nop.cx.identity.credential;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions on any login ID (the path is OPERATOR-only in the security rules). */
@RestController
class CredentialController {

	private final CredentialService credentials;

	CredentialController(CredentialService credentials) {
		this.credentials = credentials;
	}

	@Operation(summary = "One login ID / ログインIDの詳細")
	@GetMapping("/api/v1/identity/credentials/{loginId}")
	CredentialView credential(@PathVariable String loginId) {
		return CredentialView.of(this.credentials.find(LoginIds.normalize(loginId)));
	}

	/** Art. 4.3: a fresh activation link to the ID's e-mail address ({@code credential-issued}, REISSUE). */
	@Operation(summary = "Reissue an activation link (Art. 4.3) / 有効化リンクを再発行する")
	@PostMapping("/api/v1/identity/credentials/{loginId}/reissue")
	CredentialView reissue(@PathVariable String loginId) {
		return CredentialView.of(this.credentials.reissue(loginId));
	}
}
