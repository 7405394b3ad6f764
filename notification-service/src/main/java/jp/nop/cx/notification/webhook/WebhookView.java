package jp.nop.cx.notification.webhook;

import java.time.Instant;

/** A webhook endpoint as partners and the backup see it: never its secret. */
public record WebhookView(String url, EndpointStatus status, Instant createdAt, Instant updatedAt, Instant disabledAt,
		String disabledReason) {

	public static WebhookView of(WebhookEndpoint endpoint) {
		return new WebhookView(endpoint.url(), endpoint.status(), endpoint.createdAt(), endpoint.updatedAt(),
				endpoint.disabledAt(), endpoint.disabledReason());
	}
}
