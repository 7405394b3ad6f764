package jp.nop.cx.notification.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's webhook endpoint (one per partner) and the secret its deliveries are signed with.
 * The secret is shown to the partner once, when it is created, and never again.
 */
@Document("webhook_endpoints")
public class WebhookEndpoint {

	@Id
	private String partnerId;

	@Version
	private Long version;

	private String url;

	private String secret;

	private EndpointStatus status;

	private String registeredBy;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant disabledAt;

	private String disabledReason;

	private WebhookEndpoint() {
	}

	public static WebhookEndpoint register(String partnerId, String url, WebhookSecret secret, String loginId,
			Instant now) {
		WebhookEndpoint endpoint = new WebhookEndpoint();
		endpoint.partnerId = partnerId;
		endpoint.createdAt = now;
		endpoint.replace(url, secret, loginId, now);
		return endpoint;
	}

	/** A new URL (or the same again) with a new secret; a disabled endpoint is active again. */
	public void replace(String url, WebhookSecret secret, String loginId, Instant now) {
		this.url = url;
		this.secret = secret.value();
		this.registeredBy = loginId;
		this.status = EndpointStatus.ACTIVE;
		this.updatedAt = now;
		this.disabledAt = null;
		this.disabledReason = null;
	}

	public boolean isActive() {
		return this.status == EndpointStatus.ACTIVE;
	}

	public WebhookSecret secret() {
		return new WebhookSecret(this.secret);
	}

	public String partnerId() {
		return this.partnerId;
	}

	public String url() {
		return this.url;
	}

	public EndpointStatus status() {
		return this.status;
	}

	public String registeredBy() {
		return this.registeredBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant disabledAt() {
		return this.disabledAt;
	}

	public String disabledReason() {
		return this.disabledReason;
	}
}
