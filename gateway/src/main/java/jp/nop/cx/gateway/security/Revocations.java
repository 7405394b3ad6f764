package jp.nop.cx.gateway.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jp.nop.cx.events.CredentialRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Art. 4.3: login IDs whose tokens stop working, each with the instant before which its tokens
 * were issued in vain. Rebuilt from {@code credential-revoked} at every start; small, because it
 * holds one instant per revoked login ID.
 */
@Component
public class Revocations {

	private static final Logger log = LoggerFactory.getLogger(Revocations.class);

	private final ConcurrentMap<String, Instant> notBefore = new ConcurrentHashMap<>();

	public void apply(CredentialRevoked revoked) {
		if (revoked.loginId() == null || revoked.notBefore() == null) {
			log.warn("Ignoring credential-revoked without login ID or notBefore for partner {}", revoked.partnerId());
			return;
		}
		// Revocations only ever move forward: a replayed older event must not shorten a newer one.
		this.notBefore.merge(revoked.loginId(), revoked.notBefore(),
				(current, candidate) -> candidate.isAfter(current) ? candidate : current);
		log.info("Tokens of login ID {} (partner {}) issued before {} are refused", revoked.loginId(),
				revoked.partnerId(), revoked.notBefore());
	}

	/**
	 * Whether a token of {@code loginId} issued at {@code issuedAt} was revoked; a token without
	 * {@code iat} cannot prove it is newer than a revocation, so it counts as revoked.
	 */
	public boolean isRevoked(String loginId, Instant issuedAt) {
		if (loginId == null) {
			return false;
		}
		Instant limit = this.notBefore.get(loginId);
		// iat has whole seconds: a token issued in the revocation's own second (e.g. right after a
		// reissue and activation) would otherwise be refused although it may be newer.
		return limit != null && (issuedAt == null || issuedAt.isBefore(limit.truncatedTo(ChronoUnit.SECONDS)));
	}
}
