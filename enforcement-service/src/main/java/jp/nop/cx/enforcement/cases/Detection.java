package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/**
 * Art. 7.1(3): one sustained excess the gateway saw, kept as evidence on the automated case.
 * {@code eventId} is the {@code ce_id} that reported it, so a redelivery is recognised.
 */
public record Detection(String eventId, String clientIp, Instant windowStart, Instant windowEnd,
		long rejectedRequests, int limitPerSecond, Instant detectedAt) {
}
