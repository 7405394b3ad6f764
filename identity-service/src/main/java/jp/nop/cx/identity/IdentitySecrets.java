package jp.nop.cx.identity;

import jp.nop.cx.platform.secret.SealedSecrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The two keys identity-service seals secrets with, from configuration (never from the
 * database it protects).
 *
 * @param eventKey seals the activation and unlock tokens in events for notification-service
 * ({@code CX_EVENT_SECRET_KEY}, shared with notification-service only)
 * @param keyEncryptionKey seals the signing keys and TOTP secrets at rest
 * ({@code CX_KEY_ENCRYPTION_KEY}, identity-service only)
 */
@ConfigurationProperties("cx.identity.secrets")
public record IdentitySecrets(String eventKey, String keyEncryptionKey) {

	/** Fails at start, naming the variable, when the key is missing or malformed. */
	public SealedSecrets forEvents() {
		return SealedSecrets.withKey(this.eventKey, "CX_EVENT_SECRET_KEY (cx.identity.secrets.event-key)");
	}

	public SealedSecrets atRest() {
		return SealedSecrets.withKey(this.keyEncryptionKey,
				"CX_KEY_ENCRYPTION_KEY (cx.identity.secrets.key-encryption-key)");
	}

	@Override
	public String toString() {
		return "IdentitySecrets[****]";
	}
}
