package jp.nop.cx.identity.bruteforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Limits sign-in attempts per client address (fixed windows counted in the database, so all
 * instances share the count): guessing across many IDs from one place is slowed down too, which
 * the per-ID lock alone would not do.
 */
@Service
public class ClientRateLimiter {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final boolean enabled;

	private final int limit;

	private final Duration window;

	ClientRateLimiter(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.enabled = properties.bruteForce().enabled();
		this.limit = properties.bruteForce().attemptsPerClient();
		this.window = properties.bruteForce().clientWindow();
	}

	/** Counts an attempt; 429 with Retry-After when the client has used up its window. */
	public void countAttempt(String clientAddress) {
		if (!this.enabled) {
			return;
		}
		Instant now = this.clock.instant();
		long windowMillis = this.window.toMillis();
		Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
		Instant windowEnd = windowStart.plus(this.window);
		String key = clientAddress + "|" + windowStart.toEpochMilli();
		int count = increment(key, windowEnd);
		if (count > this.limit) {
			long seconds = Math.max(1, (Duration.between(now, windowEnd).toMillis() + 999) / 1000);
			throw new RuleViolation(RuleViolation.Kind.TOO_MANY_REQUESTS, "sign-in-rate-limited", seconds)
				.with("retryAfter", seconds)
				.retryAfter(seconds);
		}
	}

	private int increment(String key, Instant windowEnd) {
		Query query = Query.query(Criteria.where("_id").is(key));
		Update update = new Update().inc("count", 1).set("expiresAt", windowEnd);
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return this.mongo.findAndModify(query, update, options, ClientAttempts.class).count();
		}
		catch (DuplicateKeyException ex) {
			// Two first attempts in the same window raced to create the record; now it exists.
			return this.mongo.findAndModify(query, update, options, ClientAttempts.class).count();
		}
	}
}
