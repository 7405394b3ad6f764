package jp.nop.cx.platform.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jp.nop.cx.events.CredentialRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Art. 4.3: the login IDs whose older tokens no longer count, as learnt from
 * {@code credential-revoked}. The gateway and every service hold one, rebuilt from the whole topic
 * at start; small, because it keeps one entry per revoked login ID.
 * <p>
 * A token is compared by the credential generation it carries ({@code cred_gen}), not by time:
 * identity-service increments the generation with every revocation in the same write that marks
 * the ID revoked, and signs into each token the generation it read. A token signed from a read
 * before the revocation carries the old number, even if it was signed in the same millisecond or
 * later (a sign-in racing the report), so there is no window (ADR 0007).
 */
public class RevokedCredentials {

	private static final Logger log = LoggerFactory.getLogger(RevokedCredentials.class);

	private final ConcurrentMap<String, Revocation> revoked = new ConcurrentHashMap<>();

	/**
	 * @param generation the first generation still valid, null for records written before
	 * identity-service counted generations
	 * @param notBefore the revocation instant of such a record
	 */
	record Revocation(Long generation, Instant notBefore) {

		/** Revocations only ever move forward: a replayed older record must not shorten a newer one. */
		Revocation merge(Revocation other) {
			return new Revocation(max(this.generation, other.generation), later(this.notBefore, other.notBefore));
		}

		boolean refuses(Long tokenGeneration, Instant issuedAt) {
			if (this.generation != null) {
				// A token from before generations were signed is generation 0: older than any revocation.
				return ((tokenGeneration != null) ? tokenGeneration : 0L) < this.generation;
			}
			// Old record without a generation: iat has whole seconds, so a token of the revocation's own
			// second cannot prove it is newer and is refused with the older ones.
			return this.notBefore != null && (issuedAt == null || !issuedAt.isAfter(this.notBefore));
		}

		private static Long max(Long a, Long b) {
			return (a == null) ? b : (b == null) ? a : Long.valueOf(Math.max(a, b));
		}

		private static Instant later(Instant a, Instant b) {
			return (a == null) ? b : (b == null || !b.isAfter(a)) ? a : b;
		}
	}

	public void apply(CredentialRevoked event) {
		if (event.loginId() == null || (event.generation() == null && event.notBefore() == null)) {
			log.warn("Ignoring credential-revoked without login ID, generation or notBefore for partner {}",
					event.partnerId());
			return;
		}
		this.revoked.merge(event.loginId(), new Revocation(event.generation(), event.notBefore()),
				Revocation::merge);
		log.info("Tokens of login ID {} (partner {}) below generation {} (revoked at {}) are refused",
				event.loginId(), event.partnerId(), event.generation(), event.notBefore());
	}

	/**
	 * Whether a token of {@code loginId} with credential generation {@code tokenGeneration} (null if
	 * the token has none) and issue time {@code issuedAt} was revoked.
	 */
	public boolean isRevoked(String loginId, Long tokenGeneration, Instant issuedAt) {
		if (loginId == null) {
			return false;
		}
		Revocation revocation = this.revoked.get(loginId);
		return revocation != null && revocation.refuses(tokenGeneration, issuedAt);
	}

	/** How many login IDs have a revocation; for the health details. */
	public int size() {
		return this.revoked.size();
	}
}
