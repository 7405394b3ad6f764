package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 2.2, 4.5, 16.3: an authenticated use by one of the partner's IDs (at most one per ID per
 * minute), for deemed acceptance and dormant-ID tracking.
 */
public record PartnerActivity(String partnerId, String loginId, Capability capability, String method,
		String clientIp, String userAgent, Instant occurredAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
