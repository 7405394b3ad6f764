package jp.nop.cx.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jp.nop.cx.platform.rules.RuleViolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** Registering, reading and removing a partner's webhook endpoint. */
@Service
public class WebhookService {

	private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

	private final WebhookEndpoints endpoints;

	private final WebhookTargetGuard guard;

	private final Clock clock;

	public WebhookService(WebhookEndpoints endpoints, WebhookTargetGuard guard, Clock clock) {
		this.endpoints = endpoints;
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * Registers (or replaces) the partner's endpoint with a fresh signing secret, which the
	 * answer carries this once. A URL the SSRF guard refuses is a 422 and stores nothing.
	 */
	public Registered register(String partnerId, String loginId, String url) {
		URI target = checked(url);
		WebhookSecret secret = WebhookSecret.generate();
		WebhookEndpoint endpoint = this.endpoints.find(partnerId).map((existing) -> {
			existing.replace(target.toString(), secret, loginId, this.clock.instant());
			return existing;
		}).orElseGet(() -> WebhookEndpoint.register(partnerId, target.toString(), secret, loginId, this.clock.instant()));
		WebhookEndpoint saved = this.endpoints.save(endpoint);
		log.info("Webhook endpoint of partner {} registered by {}", partnerId, loginId);
		return new Registered(saved, secret);
	}

	public Optional<WebhookEndpoint> find(String partnerId) {
		return this.endpoints.find(partnerId);
	}

	public boolean remove(String partnerId) {
		return this.endpoints.remove(partnerId);
	}

	private URI checked(String url) {
		try {
			return this.guard.validate(url);
		}
		catch (InvalidWebhookUrlException ex) {
			throw RuleViolation.invalid("url", "webhook-url-invalid", ex.getMessage());
		}
		catch (WebhookTargetRefusedException ex) {
			throw RuleViolation.invalid("url", "webhook-target-refused", ex.address())
				.with("addressKind", ex.kind().name());
		}
		catch (UnresolvableWebhookHostException ex) {
			throw RuleViolation.invalid("url", "webhook-target-unresolvable");
		}
	}

	/** A registration, with the secret to show once. */
	public record Registered(WebhookEndpoint endpoint, WebhookSecret secret) {
	}
}
