package jp.nop.cx.identity.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Starts, rotates and revokes refresh token families. A rotation is one conditional
 * {@code findAndModify}: of two parties presenting the same token at once exactly one gets a new
 * token, and the other is treated as reuse.
 */
@Service
public class RefreshSessions {

	private static final Logger log = LoggerFactory.getLogger(RefreshSessions.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration tokenTtl;

	private final Duration sessionMax;

	RefreshSessions(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.tokenTtl = properties.tokens().refreshTokenTtl();
		this.sessionMax = properties.tokens().sessionMax();
	}

	/** A refresh token handed to the client: the secret itself, never stored. */
	public record IssuedRefreshToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedRefreshToken[****, expires " + this.expiresAt + "]";
		}
	}

	/** The outcome of presenting a refresh token. */
	public sealed interface Rotation {
	}

	/** Exchanged: the old token is spent, {@code next} replaces it. */
	public record Rotated(String familyId, String loginId, Instant startedAt, Long generation, IssuedRefreshToken next)
			implements Rotation {
	}

	/** Refused: unknown, expired, revoked or (with the family then revoked) reused. */
	public record Refused(boolean reuse) implements Rotation {
	}

	/** A new family for a sign-in with the credential of {@code generation}. */
	public IssuedRefreshToken start(String loginId, long generation) {
		Instant now = this.clock.instant();
		String token = newToken();
		Instant sessionEnd = now.plus(this.sessionMax);
		Instant expiresAt = earlier(now.plus(this.tokenTtl), sessionEnd);
		this.mongo.insert(new RefreshSession(UUID.randomUUID().toString(), loginId, hash(token), List.of(), now,
				expiresAt, sessionEnd, null, null, generation));
		return new IssuedRefreshToken(token, expiresAt);
	}

	public Rotation rotate(String presented) {
		if (presented == null || presented.isBlank() || presented.length() > 200) {
			return new Refused(false);
		}
		Instant now = this.clock.instant();
		String presentedHash = hash(presented);
		String next = newToken();
		Query usable = Query.query(Criteria.where("currentHash")
			.is(presentedHash)
			.and("revokedAt")
			.is(null)
			.and("expiresAt")
			.gt(now)
			.and("sessionExpiresAt")
			.gt(now));
		RefreshSession current = this.mongo.findOne(usable, RefreshSession.class);
		if (current != null) {
			Instant expiresAt = earlier(now.plus(this.tokenTtl), current.sessionExpiresAt());
			Update exchange = new Update().set("currentHash", hash(next))
				.set("expiresAt", expiresAt)
				.push("spentHashes", presentedHash);
			RefreshSession rotated = this.mongo.findAndModify(usable, exchange,
					FindAndModifyOptions.options().returnNew(true), RefreshSession.class);
			if (rotated != null) {
				return new Rotated(rotated.familyId(), rotated.loginId(), rotated.startedAt(), rotated.generation(),
						new IssuedRefreshToken(next, expiresAt));
			}
			// Someone exchanged the same token a moment ago: that is a second holder, as below.
		}
		RefreshSession spent = this.mongo.findOne(Query.query(Criteria.where("spentHashes").is(presentedHash)),
				RefreshSession.class);
		if (spent != null) {
			revokeFamily(spent.familyId(), "REUSE");
			log.warn("Refresh token reused in family {} of {}: the family is revoked", spent.familyId(),
					spent.loginId());
			return new Refused(true);
		}
		return new Refused(false);
	}

	public void revokeFamily(String familyId, String reason) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(familyId).and("revokedAt").is(null)),
				revocation(reason), RefreshSession.class);
	}

	/** Every family of the ID, e.g. when it is reported compromised (Art. 4.3) or deleted. */
	public long revokeAllOf(String loginId, String reason) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("loginId").is(loginId).and("revokedAt").is(null)),
					revocation(reason), RefreshSession.class)
			.getModifiedCount();
	}

	private Update revocation(String reason) {
		return new Update().set("revokedAt", this.clock.instant()).set("revokedReason", reason);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
