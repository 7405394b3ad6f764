package jp.nop.cx.notification.webhook;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.validation.SingleLine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner's webhook endpoint: {@code /api/v1/notifications/me/webhook}. */
@RestController
@RequestMapping("/api/v1/notifications/me/webhook")
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	/** Registers or replaces the endpoint; the answer shows the signing secret, this once. */
	@Operation(summary = "Register or replace the webhook; the secret is shown once / Webhookを登録する")
	@PutMapping
	ResponseEntity<RegisteredWebhook> register(CxPrincipal principal, @Valid @RequestBody WebhookRequest request) {
		principal.requirePartnerAdmin();
		WebhookService.Registered registered = this.webhooks.register(principal.requirePartnerId(),
				principal.loginId(), request.url());
		WebhookEndpoint endpoint = registered.endpoint();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RegisteredWebhook(endpoint.url(), endpoint.status(), registered.secret().value(),
					endpoint.createdAt(), endpoint.updatedAt()));
	}

	@Operation(summary = "The partner's webhook / Webhookの設定")
	@GetMapping
	WebhookView show(CxPrincipal principal) {
		return this.webhooks.find(principal.requirePartnerId())
			.map(WebhookView::of)
			.orElseThrow(() -> RuleViolation.notFound("webhook"));
	}

	@Operation(summary = "Remove the webhook / Webhookを削除する",
			responses = @ApiResponse(responseCode = "204", description = "No Content"))
	@DeleteMapping
	ResponseEntity<Void> remove(CxPrincipal principal) {
		principal.requirePartnerAdmin();
		if (!this.webhooks.remove(principal.requirePartnerId())) {
			throw RuleViolation.notFound("webhook");
		}
		return ResponseEntity.noContent().build();
	}

	record WebhookRequest(@NotBlank @Size(max = 2048) @SingleLine String url) {
	}

	record RegisteredWebhook(String url, EndpointStatus status, String secret, Instant createdAt, Instant updatedAt) {
	}
}
