package jp.nop.cx.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. Stored inside the document
 * that changed, so the change and its events are one atomic write (ADR 0002).
 *
 * @param eventId the CloudEvents {@code ce_id}
 * @param payload the JSON body, exactly as it will be published
 * @param traceparent W3C trace context of the request that caused the change, if any
 */
public record OutboxEntry(String eventId, String topic, String type, String key, String subject, Instant time,
		String payload, String traceparent) {
}
