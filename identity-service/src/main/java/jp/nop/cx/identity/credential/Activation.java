package jp.nop.cx.identity.credential;

import java.time.Instant;

/**
 * A pending single-use activation: only the SHA-256 of the token is kept, never the token.
 *
 * @param tokenHash hex SHA-256 of the token sent in the link
 * @param expiresAt after this the link no longer works (Art. 4.1: 72 h by default)
 * @param purpose why it was issued
 */
public record Activation(String tokenHash, Instant expiresAt, IssuePurpose purpose) {

	public boolean expiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}
}
