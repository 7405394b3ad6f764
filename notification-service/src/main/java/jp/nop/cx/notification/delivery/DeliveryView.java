package jp.nop.cx.notification.delivery;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;

/** A delivery record as operators (and the partner's backup) see it. */
public record DeliveryView(String id, String eventId, String eventType, String partnerId, Audience audience,
		String recipient, String address, Channel channel, String template, String article, String language,
		String subject, DeliveryStatus status, int attempts, List<Attempt> attemptLog, String lastError,
		Instant nextAttemptAt, Instant createdAt, Instant updatedAt, Instant sentAt) {

	public static DeliveryView of(Delivery d) {
		return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.partnerId(), d.audience(),
				d.recipient(), d.address(), d.channel(), d.template(), d.article(), d.language(),
				d.subject(), d.status(), d.attempts(), d.attemptLog(), d.lastError(), d.nextAttemptAt(),
				d.createdAt(), d.updatedAt(), d.sentAt());
	}
}
