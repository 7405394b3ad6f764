package jp.nop.cx.events;

import java.time.Instant;

/** Art. 7.1(3): the gateway saw a partner above its rate limit for a sustained window. */
public record ExcessiveLoadDetected(String partnerId, String clientIp, Instant windowStart, Instant windowEnd,
		long rejectedRequests, int limitPerSecond, Instant detectedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
