package jp.nop.cx.identity.credential;

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

	@GetMapping("/api/v1/identity/credentials/{loginId}")
	CredentialView credential(@PathVariable String loginId) {
		return CredentialView.of(this.credentials.find(LoginIds.normalize(loginId)));
	}

	/** Art. 4.3: a fresh activation link to the ID's e-mail address ({@code credential-issued}, REISSUE). */
	@PostMapping("/api/v1/identity/credentials/{loginId}/reissue")
	CredentialView reissue(@PathVariable String loginId) {
		return CredentialView.of(this.credentials.reissue(loginId));
	}
}
