package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 4.3, 7.1(10): so many sign-ins of this login ID failed, from wherever, that the ID is
 * locked everywhere until {@code lockedUntil}. Its holder may lift the lock at once with the
 * single-use link {@code unlockUrl + "?token=" + <opened token>}; the token travels sealed for
 * notification-service only ({@code CX_EVENT_SECRET_KEY}, AES-256-GCM, bound to {@code loginId}),
 * as in {@link CredentialIssued}.
 */
public record CredentialLocked(String partnerId, String loginId, String email, String preferredLanguage,
		String unlockUrl, String sealedUnlockToken, Instant lockedUntil, Instant lockedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}

	@Override
	public String toString() {
		return "CredentialLocked[" + this.loginId + ", partner " + this.partnerId + ", until " + this.lockedUntil + "]";
	}
}
