package jp.nop.cx.identity.bruteforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.platform.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Locks a login ID after repeated failures (423 with Retry-After) and forgets them on success.
 * The state is in the database, so every instance sees the same count.
 */
@Service
public class BruteForceProtection {

	private static final Logger log = LoggerFactory.getLogger(BruteForceProtection.class);

	private static final int SAVE_ATTEMPTS = 5;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final boolean enabled;

	private final LockoutPolicy policy;

	BruteForceProtection(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		IdentityProperties.BruteForce settings = properties.bruteForce();
		this.enabled = settings.enabled();
		this.policy = new LockoutPolicy(settings.maxFailures(), settings.baseWait(), settings.maxWait(),
				settings.failureReset());
	}

	/** 423 while the ID is locked; a locked ID's password is not even checked. */
	public void requireNotLocked(String loginId) {
		if (!this.enabled) {
			return;
		}
		LoginFailures state = this.mongo.findById(loginId, LoginFailures.class);
		if (state == null) {
			return;
		}
		Duration remaining = this.policy.remainingLock(state, this.clock.instant());
		if (!remaining.isZero()) {
			long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
			throw new RuleViolation(RuleViolation.Kind.LOCKED, "sign-in-locked", seconds).with("retryAfter", seconds)
				.retryAfter(seconds);
		}
	}

	public void recordFailure(String loginId) {
		if (!this.enabled) {
			return;
		}
		for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			LoginFailures current = this.mongo.findById(loginId, LoginFailures.class);
			LoginFailures next = this.policy.afterFailure((current != null) ? current : LoginFailures.none(loginId),
					now);
			try {
				this.mongo.save(next);
				if (next.lockedAt(now) && (current == null || !next.lockedUntil().equals(current.lockedUntil()))) {
					log.warn("Login ID {} locked until {} after {} failed sign-ins", loginId, next.lockedUntil(),
							next.failures());
				}
				return;
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				// Another failure of the same ID was counted meanwhile; count this one on top.
			}
		}
		log.warn("Could not count a failed sign-in of {} after {} attempts", loginId, SAVE_ATTEMPTS);
	}

	/** A successful sign-in forgets earlier failures. */
	public void recordSuccess(String loginId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(loginId)), LoginFailures.class);
	}
}
