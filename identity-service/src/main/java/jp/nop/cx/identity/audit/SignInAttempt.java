package jp.nop.cx.identity.audit;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.AuditRecorded;
import jp.nop.cx.platform.outbox.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Art. 4.2, 4.3: one sign-in attempt and what it came to. Recording it is one document write that
 * carries its {@code audit-recorded} event in the outbox, so no outcome is lost when Kafka is away.
 * Kept only as long as the relay may need it: the trail itself lives in enforcement-service.
 */
@Document("sign_in_attempts")
class SignInAttempt extends OutboxAggregate {

	@Id
	private String attemptId;

	private String loginId;

	private String partnerId;

	private String outcome;

	private int status;

	/** Long enough for any outage of Kafka to be over; the relay publishes within seconds normally. */
	@Indexed(expireAfter = "30d")
	private Instant attemptedAt;

	@Version
	private Long version;

	@PersistenceCreator
	SignInAttempt() {
	}

	static SignInAttempt of(String attemptId, String action, String loginId, String partnerId, List<String> roles,
			int status, String outcome, String clientIp, String userAgent, String traceId, Instant at) {
		SignInAttempt attempt = new SignInAttempt();
		attempt.attemptId = attemptId;
		attempt.loginId = loginId;
		attempt.partnerId = partnerId;
		attempt.outcome = outcome;
		attempt.status = status;
		attempt.attemptedAt = at;
		attempt.raise(new AuditRecorded(loginId, partnerId, roles, action, List.of(), status, outcome, clientIp,
				userAgent, traceId, at));
		return attempt;
	}
}
