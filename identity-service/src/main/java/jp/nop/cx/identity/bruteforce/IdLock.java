package jp.nop.cx.identity.bruteforce;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Failed sign-ins of one login ID from every address together, and the lock of the whole ID they
 * cause at the (much higher) per-ID threshold. The owner lifts it with the mailed link, whose
 * token is kept here as a hash only.
 *
 * @param loginId the (normalised) login ID as typed
 * @param failures failures since the last success, lock or quiet period
 * @param lastFailureAt the latest failure
 * @param lockedUntil no attempt from anywhere is checked before this
 * @param unlockTokenHash SHA-256 of the unlock link's token, while the lock lasts
 * @param forgetAt when the record has no effect any more (TTL index)
 * @param version optimistic lock: concurrent failures are all counted
 */
@Document("login_id_locks")
record IdLock(@Id String loginId, int failures, Instant lastFailureAt, Instant lockedUntil,
		@Indexed(sparse = true) String unlockTokenHash, @Indexed(expireAfter = "0s") Instant forgetAt,
		@Version Long version) {

	static IdLock none(String loginId) {
		return new IdLock(loginId, 0, null, null, null, null, null);
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}
}
