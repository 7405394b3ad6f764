package jp.nop.cx.identity.credential;

import java.time.Instant;
import java.util.List;

/**
 * A login ID as its holder, its administrator or an operator sees it: metadata only, never a
 * hash or token.
 */
public record CredentialView(String loginId, String partnerId, List<String> roles, String role,
		CredentialStatus status, String email, String name, String preferredLanguage, Instant createdAt,
		Instant activatedAt, Instant lastUsedAt, Instant activationExpiresAt, Instant deletedAt) {

	public static CredentialView of(Credential credential) {
		return new CredentialView(credential.loginId(), credential.partnerId(), List.of(credential.role().name()),
				credential.role().name(), credential.status(), credential.email(), credential.name(),
				credential.preferredLanguage(), credential.createdAt(), credential.activatedAt(),
				credential.lastUsedAt(),
				(credential.activation() != null) ? credential.activation().expiresAt() : null,
				credential.deletedAt());
	}
}
