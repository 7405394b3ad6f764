package jp.nop.cx.identity.session;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token family: one sign-in and the chain of refresh tokens rotated from it. Only
 * hashes are stored. The family's current token is the only one that refreshes; a token already
 * spent, presented again, means two parties hold the chain, so the whole family is revoked.
 *
 * @param familyId random ID of the family
 * @param loginId whose session it is
 * @param currentHash hex SHA-256 of the one token that may be used next
 * @param spentHashes hashes of tokens already exchanged (reuse detection)
 * @param startedAt the sign-in; a credential revoked after it refuses the whole family
 * @param expiresAt when the current token stops working
 * @param sessionExpiresAt the family's hard end, however often it is refreshed; the store
 * forgets the family then (TTL index)
 * @param revokedAt set when the family was revoked
 * @param revokedReason why ({@code REUSE}, {@code CREDENTIAL_REVOKED} ...)
 * @param generation the credential generation the family was started for (Art. 4.3); null for
 * families started before generations were counted
 */
@Document("refresh_sessions")
public record RefreshSession(@Id String familyId, @Indexed String loginId, @Indexed String currentHash,
		List<String> spentHashes, Instant startedAt, Instant expiresAt,
		@Indexed(expireAfter = "0s") Instant sessionExpiresAt, Instant revokedAt, String revokedReason,
		Long generation) {

	public boolean revoked() {
		return this.revokedAt != null;
	}
}
