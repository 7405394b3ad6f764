package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 4.1: a login ID was issued (or reissued) with a single-use activation link. The link is
 * the only secret it carries; it is never a password.
 */
public record CredentialIssued(String partnerId, String loginId, String role, String purpose, String email,
		String preferredLanguage, String activationLink, Instant activationExpiresAt, Instant issuedAt)
		implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
