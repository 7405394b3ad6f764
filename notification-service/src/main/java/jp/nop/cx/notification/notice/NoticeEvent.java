package jp.nop.cx.notification.notice;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event that calls for notices, kept as it arrived: the facts every delivery of it is rendered
 * from, and part of the proof of what was notified.
 *
 * @param eventId the CloudEvents {@code ce_id}
 * @param eventType the topic (SPEC section 4)
 * @param payload the event's JSON body
 */
@Document("notice_events")
public record NoticeEvent(@Id String eventId, String eventType, String ceType, String subject, String payload,
		Instant occurredAt, Instant receivedAt) {
}
