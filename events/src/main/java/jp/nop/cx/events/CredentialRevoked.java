package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 4.3, 12: tokens of the login ID issued before {@code notBefore} are no longer accepted.
 */
public record CredentialRevoked(String partnerId, String loginId, String reason, Instant notBefore,
		Instant revokedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
