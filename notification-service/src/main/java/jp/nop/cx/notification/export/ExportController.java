package jp.nop.cx.notification.export;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.notification.delivery.Deliveries;
import jp.nop.cx.notification.delivery.DeliveryView;
import jp.nop.cx.notification.inbox.Inbox;
import jp.nop.cx.notification.inbox.InboxItem;
import jp.nop.cx.notification.webhook.WebhookService;
import jp.nop.cx.notification.webhook.WebhookView;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Art. 5, 6: this service's part of the partner's backup, fetched by registration-service with
 * the partner's own token (not routed by the gateway): the partner's notices, their delivery
 * records and its webhook endpoint, never the webhook secret.
 */
@RestController
class ExportController {

	private final Inbox inbox;

	private final Deliveries deliveries;

	private final WebhookService webhooks;

	private final Clock clock;

	ExportController(Inbox inbox, Deliveries deliveries, WebhookService webhooks, Clock clock) {
		this.inbox = inbox;
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	// Internal: not routed by the gateway, so not in the public contract (OpenApiIT lists it).
	@Hidden
	@GetMapping("/internal/v1/partners/{partnerId}/export")
	NotificationExport export(CxPrincipal principal, @PathVariable String partnerId) {
		// Tenant isolation: another partner's backup is "not found".
		principal.requireAccessTo(partnerId);
		return new NotificationExport(partnerId, this.clock.instant(),
				this.inbox.all(partnerId).stream().map(ExportedNotice::of).toList(),
				this.deliveries.addressedTo(partnerId).stream().map(DeliveryView::of).toList(),
				this.webhooks.find(partnerId).map(WebhookView::of).orElse(null));
	}

	record NotificationExport(String partnerId, Instant exportedAt, List<ExportedNotice> notices,
			List<DeliveryView> deliveries, WebhookView webhook) {
	}

	record ExportedNotice(String id, String eventId, String eventType, String subject, String body, String article,
			String language, Instant createdAt, boolean read, Instant readAt, String readBy) {

		static ExportedNotice of(InboxItem item) {
			return new ExportedNotice(item.id(), item.eventId(), item.eventType(), item.subject(),
					item.body(), item.article(), item.language(), item.createdAt(), item.read(),
					item.readAt(), item.readBy());
		}
	}
}
