package jp.nop.cx.identity.bruteforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.platform.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Art. 7.1(10): locks guessing without letting anyone lock the owner out (OWASP's guidance).
 * Failures count per (login ID, client address): a few lock that pair only, with growing waits
 * in the manner of Keycloak. Only {@code idMaxFailures} failures from all addresses together
 * lock the ID itself, for {@code idLockWait}; its owner can lift that lock at once with the
 * link mailed to it. A locked attempt's password is not even checked, so it counts nowhere. The
 * state is in the database, so every instance sees the same counts.
 */
@Service
public class BruteForceProtection {

	private static final Logger log = LoggerFactory.getLogger(BruteForceProtection.class);

	private static final int SAVE_ATTEMPTS = 5;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final boolean enabled;

	private final LockoutPolicy policy;

	private final int idMaxFailures;

	private final Duration idLockWait;

	private final Duration failureReset;

	BruteForceProtection(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		IdentityProperties.BruteForce settings = properties.bruteForce();
		this.enabled = settings.enabled();
		this.policy = new LockoutPolicy(settings.maxFailures(), settings.baseWait(), settings.maxWait(),
				settings.failureReset());
		this.idMaxFailures = settings.idMaxFailures();
		this.idLockWait = settings.idLockWait();
		this.failureReset = settings.failureReset();
	}

	/** 423 while the ID, or the ID from this address, is locked. */
	public void requireNotLocked(String loginId, String clientAddress) {
		if (!this.enabled) {
			return;
		}
		Instant now = this.clock.instant();
		IdLock idLock = this.mongo.findById(loginId, IdLock.class);
		if (idLock != null && idLock.lockedAt(now)) {
			throw locked(Duration.between(now, idLock.lockedUntil()));
		}
		LoginFailures pair = this.mongo.findById(pairKey(loginId, clientAddress), LoginFailures.class);
		if (pair != null) {
			Duration remaining = this.policy.remainingLock(pair, now);
			if (!remaining.isZero()) {
				throw locked(remaining);
			}
		}
	}

	/**
	 * Counts a failed sign-in. Returns the end of the lock of the whole ID when this failure
	 * started one (the owner is then sent an unlock link).
	 */
	public Optional<Instant> recordFailure(String loginId, String clientAddress) {
		if (!this.enabled) {
			return Optional.empty();
		}
		countForPair(pairKey(loginId, clientAddress), loginId);
		return countForId(loginId);
	}

	/** A successful sign-in (or activation) forgets the ID's failures from everywhere. */
	public void recordSuccess(String loginId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(loginId)), IdLock.class);
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^" + Pattern.quote(loginId + "|"))),
				LoginFailures.class);
	}

	/** Keeps the hash of the unlock link's token with the lock it lifts. */
	public void attachUnlock(String loginId, String tokenHash) {
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(loginId).and("lockedUntil").gt(this.clock.instant())),
				new Update().set("unlockTokenHash", tokenHash).inc("version", 1), IdLock.class);
	}

	/**
	 * The owner followed the mailed link: the lock and every failure of the ID are gone. The link
	 * works once, and only while its lock lasts. Returns the login ID.
	 */
	public Optional<String> unlock(String tokenHash) {
		IdLock lifted = this.mongo.findAndRemove(Query.query(
				Criteria.where("unlockTokenHash").is(tokenHash).and("lockedUntil").gt(this.clock.instant())),
				IdLock.class);
		if (lifted == null) {
			return Optional.empty();
		}
		recordSuccess(lifted.loginId());
		log.info("Login ID {} unlocked by its owner's link", lifted.loginId());
		return Optional.of(lifted.loginId());
	}

	private void countForPair(String key, String loginId) {
		for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			LoginFailures current = this.mongo.findById(key, LoginFailures.class);
			LoginFailures next = this.policy.afterFailure((current != null) ? current : LoginFailures.none(key), now);
			try {
				this.mongo.save(next);
				if (next.lockedAt(now) && (current == null || !next.lockedUntil().equals(current.lockedUntil()))) {
					log.warn("Login ID {} locked for one client address until {} after {} failed sign-ins", loginId,
							next.lockedUntil(), next.failures());
				}
				return;
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				// Another failure of the same pair was counted meanwhile; count this one on top.
			}
		}
		log.warn("Could not count a failed sign-in of {} after {} attempts", loginId, SAVE_ATTEMPTS);
	}

	private Optional<Instant> countForId(String loginId) {
		for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			IdLock current = this.mongo.findById(loginId, IdLock.class);
			IdLock state = (current != null) ? current : IdLock.none(loginId);
			boolean quiet = state.lastFailureAt() != null && !now.isBefore(state.lastFailureAt().plus(this.failureReset));
			int failures = (quiet ? 0 : state.failures()) + 1;
			boolean locks = failures >= this.idMaxFailures;
			Instant lockedUntil = locks ? now.plus(this.idLockWait) : state.lockedUntil();
			Instant forgetAt = now.plus(this.failureReset);
			if (lockedUntil != null && lockedUntil.isAfter(forgetAt)) {
				forgetAt = lockedUntil;
			}
			// After a lock the count starts again: the next lock needs as many failures once more.
			IdLock next = new IdLock(loginId, locks ? 0 : failures, now, lockedUntil,
					locks ? null : state.unlockTokenHash(), forgetAt, state.version());
			try {
				this.mongo.save(next);
				if (locks) {
					log.warn("Login ID {} locked everywhere until {} after {} failed sign-ins from all addresses",
							loginId, lockedUntil, failures);
					return Optional.of(lockedUntil);
				}
				return Optional.empty();
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				// Another failure of the same ID was counted meanwhile; count this one on top.
			}
		}
		log.warn("Could not count a failed sign-in of {} after {} attempts", loginId, SAVE_ATTEMPTS);
		return Optional.empty();
	}

	private static RuleViolation locked(Duration remaining) {
		long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
		return new RuleViolation(RuleViolation.Kind.LOCKED, "sign-in-locked", seconds).with("retryAfter", seconds)
			.retryAfter(seconds);
	}

	private static String pairKey(String loginId, String clientAddress) {
		return loginId + "|" + clientAddress;
	}
}
