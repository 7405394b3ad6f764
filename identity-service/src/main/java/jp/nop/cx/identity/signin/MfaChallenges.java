package jp.nop.cx.identity.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jp.nop.cx.identity.credential.ActivationToken;
import jp.nop.cx.identity.mfa.MfaProperties;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Challenges between the password and the code of a sign-in: random, short-lived, single-use,
 * stored only hashed. Taking one is one {@code findAndRemove}, so two requests with the same
 * challenge cannot both sign in; a wrong code puts it back with one failure more, until it has
 * taken {@code challengeAttempts} wrong codes.
 */
@Component
class MfaChallenges {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final MfaProperties properties;

	MfaChallenges(MongoTemplate mongo, Clock clock, MfaProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	/** A new challenge for {@code loginId}; the raw value goes to the client only. */
	String start(String loginId, long generation) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.mongo.insert(new MfaChallenge(ActivationToken.hashOf(challenge), loginId, generation,
				this.clock.instant().plus(this.properties.challengeTtl()), 0));
		return challenge;
	}

	/** Whose challenge it is, without taking it (for the audit entry of the attempt). */
	Optional<String> owner(String challenge) {
		MfaChallenge found = this.mongo.findById(ActivationToken.hashOf(challenge), MfaChallenge.class);
		return Optional.ofNullable(found).map(MfaChallenge::loginId);
	}

	/** Takes the challenge if it is still usable: nobody else can use it from now on. */
	Optional<MfaChallenge> take(String challenge) {
		Instant now = this.clock.instant();
		MfaChallenge taken = this.mongo.findAndRemove(Query.query(
				Criteria.where("_id").is(ActivationToken.hashOf(challenge)).and("expiresAt").gt(now)), MfaChallenge.class);
		return Optional.ofNullable(taken).filter((c) -> c.failures() < this.properties.challengeAttempts());
	}

	/** A wrong code: the challenge may be tried again, unless this was its last attempt. */
	void putBackAfterFailure(MfaChallenge challenge) {
		int failures = challenge.failures() + 1;
		if (failures < this.properties.challengeAttempts()) {
			this.mongo.insert(new MfaChallenge(challenge.hash(), challenge.loginId(), challenge.generation(),
					challenge.expiresAt(), failures));
		}
	}
}
