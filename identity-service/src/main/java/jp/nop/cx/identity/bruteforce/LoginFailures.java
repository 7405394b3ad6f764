package jp.nop.cx.identity.bruteforce;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Failed sign-ins of one login ID from one client address, whether or not the ID exists: an
 * unknown ID locks exactly as a
 * real one does, so a lock tells an attacker nothing.
 *
 * @param key the (normalised) login ID as typed and the client address, {@code <loginId>|<address>}
 * @param failures failures since the last success or quiet period
 * @param lastFailureAt the latest failure
 * @param lockedUntil no attempt is even checked before this
 * @param forgetAt when the record has no effect any more; the store drops it then (TTL index)
 * @param version optimistic lock: concurrent failures are all counted
 */
@Document("login_failures")
public record LoginFailures(@Id String key, int failures, Instant lastFailureAt, Instant lockedUntil,
		@Indexed(expireAfter = "0s") Instant forgetAt, @Version Long version) {

	public static LoginFailures none(String key) {
		return new LoginFailures(key, 0, null, null, null, null);
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}
}
