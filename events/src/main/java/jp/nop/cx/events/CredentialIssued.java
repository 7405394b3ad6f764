package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 4.1: a login ID was issued (or reissued) with a single-use activation link. The raw
 * activation token never travels in the clear: {@code sealedActivationToken} is the token sealed
 * with AES-256-GCM under the key that only identity-service and notification-service hold
 * ({@code CX_EVENT_SECRET_KEY}), bound to {@code loginId}. The mail's link is
 * {@code activationUrl + "?token=" + <opened token>}. It is never a password.
 */
public record CredentialIssued(String partnerId, String loginId, String role, String purpose, String email,
		String preferredLanguage, String activationUrl, String sealedActivationToken, Instant activationExpiresAt,
		Instant issuedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}

	@Override
	public String toString() {
		return "CredentialIssued[" + this.loginId + ", partner " + this.partnerId + ", " + this.purpose + "]";
	}
}
