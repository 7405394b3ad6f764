package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 4.3, 12: tokens of the login ID from before this revocation are no longer accepted.
 * <p>
 * The exact test is the credential generation: identity-service counts every revocation of an ID
 * and signs the count it read into each token ({@code cred_gen}); a token whose generation is
 * below {@code generation} predates the revocation, whatever second either happened in (ADR
 * 0007-revocation). {@code notBefore} and {@code revokedAt} are for people and logs, and the
 * fallback for records written before the generation existed ({@code generation} null).
 *
 * @param generation the ID's first generation still valid; tokens with a lower {@code cred_gen}
 * are refused
 */
public record CredentialRevoked(String partnerId, String loginId, String reason, Instant notBefore,
		Instant revokedAt, Long generation) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
