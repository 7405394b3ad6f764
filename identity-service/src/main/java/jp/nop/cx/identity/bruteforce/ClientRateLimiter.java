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
 * Limits failed sign-ins per client address (fixed windows counted in the database, so all
 * instances share the count): guessing across many IDs from one place is slowed down too, which
 * the per-ID locks alone would not do. Successful sign-ins are not counted, so a partner office
 * behind one address can have everyone sign in at nine.
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

	/** 429 with Retry-After when the client has used up its failures of this window. */
	public void requireWithinLimit(String clientAddress) {
		if (!this.enabled) {
			return;
		}
		Instant now = this.clock.instant();
		Window current = windowAt(now);
		ClientAttempts attempts = this.mongo.findById(key(clientAddress, current), ClientAttempts.class);
		if (attempts != null && attempts.count() >= this.limit) {
			long seconds = Math.max(1, (Duration.between(now, current.end()).toMillis() + 999) / 1000);
			throw new RuleViolation(RuleViolation.Kind.TOO_MANY_REQUESTS, "sign-in-rate-limited", seconds)
				.with("retryAfter", seconds)
				.retryAfter(seconds);
		}
	}

	/** Counts a failed sign-in from {@code clientAddress}. */
	public void countFailure(String clientAddress) {
		if (!this.enabled) {
			return;
		}
		Window current = windowAt(this.clock.instant());
		increment(key(clientAddress, current), current.end());
	}

	private Window windowAt(Instant now) {
		long windowMillis = this.window.toMillis();
		Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
		return new Window(start, start.plus(this.window));
	}

	private static String key(String clientAddress, Window window) {
		return clientAddress + "|" + window.start().toEpochMilli();
	}

	private record Window(Instant start, Instant end) {
	}

	private void increment(String key, Instant windowEnd) {
		Query query = Query.query(Criteria.where("_id").is(key));
		Update update = new Update().inc("count", 1).set("expiresAt", windowEnd);
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			this.mongo.findAndModify(query, update, options, ClientAttempts.class);
		}
		catch (DuplicateKeyException ex) {
			// Two first failures in the same window raced to create the record; now it exists.
			this.mongo.findAndModify(query, update, options, ClientAttempts.class);
		}
	}
}
