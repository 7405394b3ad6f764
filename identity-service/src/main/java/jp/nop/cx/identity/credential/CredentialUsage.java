package jp.nop.cx.identity.credential;

import java.time.Instant;

/** Records that an ID was used, without loading it: sign-ins and {@code partner-activity} are frequent. */
public interface CredentialUsage {

	/**
	 * Moves {@code lastUsedAt} (and the dormancy clock) forward to {@code at}, never back: events
	 * may arrive out of order. A deleted ID stays deleted.
	 */
	void recordUse(String loginId, Instant at);
}
