package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/**
 * Art. 4.2, 7.2: one entry of the audit trail: an authenticated write through the gateway, or a
 * sign-in outcome at identity-service. The entry's ID is the event's {@code ce_id}, which a
 * producer keeps across its retries so the trail stores it once.
 *
 * @param loginId the login ID that acted (for a sign-in: the ID as typed, normalised)
 * @param partnerId the partner the ID acts for (Art. 4.2), null for operators and unknown IDs
 * @param roles the roles of the token (or of the signed-in ID)
 * @param action method and route template, e.g. {@code PATCH /api/v1/partners/me}
 * @param targets the IDs in the path, by the template's variable names
 * @param status the HTTP status of the answer
 * @param outcome what a sign-in came to ({@code SIGNED_IN}, {@code BAD_CREDENTIALS}, {@code LOCKED},
 * {@code MFA_REQUIRED}, {@code MFA_FAILED}, {@code RATE_LIMITED}); null for other writes
 * @param clientIp the client's address as the gateway believes it
 * @param userAgent the {@code User-Agent} header, if any
 * @param traceId the W3C trace ID of the request
 * @param occurredAt when the answer was given
 */
public record AuditRecorded(String loginId, String partnerId, List<String> roles, String action,
		List<Target> targets, int status, String outcome, String clientIp, String userAgent, String traceId,
		Instant occurredAt) implements CxEvent {

	/** Key: the partner where there is one, else the login ID. */
	@Override
	public String partitionKey() {
		return (this.partnerId != null) ? this.partnerId : this.loginId;
	}

	/** An ID the request named in its path, e.g. {@code {name: "id", value: "c-123"}}. */
	public record Target(String name, String value) {
	}
}
