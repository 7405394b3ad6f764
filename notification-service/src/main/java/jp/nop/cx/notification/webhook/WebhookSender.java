package jp.nop.cx.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PreDestroy;
import jp.nop.cx.events.EventType;
import jp.nop.cx.notification.delivery.ChannelSender;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.PreparedDelivery;
import jp.nop.cx.notification.delivery.SendOutcome;
import jp.nop.cx.notification.notice.NoticeEvents;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.system.NotificationProperties;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Delivers notices to partners' webhook endpoints in the Standard Webhooks manner: a JSON body
 * {@code {type, timestamp, data}}, headers {@code webhook-id} (the delivery ID, the same on every
 * retry), {@code webhook-timestamp} and {@code webhook-signature}. 2xx is delivered; 410 Gone
 * disables the endpoint; anything else is retried on the schedule, no sooner than the receiver's
 * Retry-After. Requests run in parallel, behind a circuit breaker per host.
 */
@Component
class WebhookSender implements ChannelSender {

	private final WebhookEndpoints endpoints;

	private final WebhookTargetGuard guard;

	private final RestClient http;

	private final NoticeEvents events;

	private final ObjectMapper json;

	private final Clock clock;

	private final CircuitBreakerRegistry breakers;

	private final Duration openFor;

	private final ExecutorService workers;

	WebhookSender(WebhookEndpoints endpoints, WebhookTargetGuard guard, RestClient webhookRestClient, NoticeEvents events,
			ObjectMapper json, Clock clock, CircuitBreakerConfig notificationCircuitBreakerConfig,
			NotificationProperties properties) {
		this.endpoints = endpoints;
		this.guard = guard;
		this.http = webhookRestClient;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.breakers = CircuitBreakerRegistry.of(notificationCircuitBreakerConfig);
		this.openFor = properties.breaker().openFor();
		this.workers = Executors.newFixedThreadPool(properties.webhooks().concurrency(), new Named());
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public Map<String, SendOutcome> send(List<PreparedDelivery> round) {
		Map<String, WebhookEndpoint> byPartner = this.endpoints
			.findAll(round.stream().map((p) -> p.delivery().partnerId()).distinct().toList());
		Map<String, CompletableFuture<SendOutcome>> running = new LinkedHashMap<>();
		for (PreparedDelivery prepared : round) {
			WebhookEndpoint endpoint = byPartner.get(prepared.delivery().partnerId());
			running.put(prepared.id(), CompletableFuture.supplyAsync(() -> deliver(prepared, endpoint), this.workers));
		}
		Map<String, SendOutcome> outcomes = new LinkedHashMap<>();
		running.forEach((id, outcome) -> outcomes.put(id, outcome.join()));
		return outcomes;
	}

	private SendOutcome deliver(PreparedDelivery prepared, WebhookEndpoint endpoint) {
		if (endpoint == null) {
			return SendOutcome.disabled("no webhook endpoint registered");
		}
		if (!endpoint.isActive()) {
			return SendOutcome.disabled("webhook endpoint disabled: " + endpoint.disabledReason());
		}
		URI url = URI.create(endpoint.url());
		try {
			// Again at delivery time, after a fresh DNS resolution: the name may point elsewhere now.
			this.guard.vet(url);
		}
		catch (WebhookTargetRefusedException ex) {
			return SendOutcome.failed(ex.getMessage());
		}
		catch (UnresolvableWebhookHostException ex) {
			return SendOutcome.retry(ex.getMessage(), null);
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker("webhook:" + url.getHost() + ":" + WebhookTargetGuard.port(url));
		if (!breaker.tryAcquirePermission()) {
			return SendOutcome.postponed("circuit open for " + url.getHost(), this.openFor);
		}
		long started = System.nanoTime();
		try {
			Answer answer = post(url, prepared, endpoint.secret());
			if (answer.status() >= 500) {
				breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, new IOException("HTTP " + answer.status()));
			}
			else {
				// 2xx, and 4xx too: the host is up and answering, whatever it thinks of the request.
				breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			}
			return outcome(answer, endpoint, url);
		}
		catch (RestClientException ex) {
			breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
			if (causedByRefusal(ex)) {
				return SendOutcome.failed("refused target: " + url.getHost());
			}
			return SendOutcome.retry(describe(ex), null);
		}
	}

	private SendOutcome outcome(Answer answer, WebhookEndpoint endpoint, URI url) {
		int status = answer.status();
		if (status >= 200 && status < 300) {
			return SendOutcome.sent(url.toString());
		}
		if (status == HttpStatus.GONE.value()) {
			// Standard Webhooks: 410 means the receiver wants no more; stop calling it.
			this.endpoints.disable(endpoint.partnerId(), endpoint.url(), "410 Gone", this.clock.instant());
			return SendOutcome.gone(url.toString(), "410 Gone: webhook endpoint disabled");
		}
		return SendOutcome.retry("HTTP " + status, retryAfter(answer.retryAfter()));
	}

	private Answer post(URI url, PreparedDelivery prepared, WebhookSecret secret) {
		String body = body(prepared);
		String messageId = prepared.id();
		long timestamp = this.clock.instant().getEpochSecond();
		return this.http.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> new Answer(response.getStatusCode().value(),
					response.getHeaders().getFirst("Retry-After")));
	}

	/** {@code {type, timestamp, data}}: the notice in words and the event's facts, never a secret. */
	private String body(PreparedDelivery prepared) {
		Delivery delivery = prepared.delivery();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("noticeId", delivery.id());
		data.put("eventId", delivery.eventId());
		data.put("eventType", delivery.eventType());
		data.put("partnerId", delivery.partnerId());
		data.put("article", delivery.article());
		data.put("language", prepared.notice().language());
		data.put("subject", prepared.notice().subject());
		data.put("body", prepared.notice().text());
		data.put("event", this.events.payloadTree(prepared.event()));
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", type(delivery.eventType()));
		Instant occurred = (prepared.event().occurredAt() != null) ? prepared.event().occurredAt() : delivery.createdAt();
		message.put("timestamp", occurred.toString());
		message.put("data", data);
		return this.json.writeValueAsString(message);
	}

	/** The CloudEvents type without its prefix, e.g. {@code partner.warned.v1}. */
	private static String type(String topic) {
		return EventType.ofTopic(topic)
			.map((t) -> t.ceType().substring(EventType.TYPE_PREFIX.length()))
			.orElse(topic);
	}

	/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
	Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			long seconds = Long.parseLong(value);
			return (seconds > 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException notSeconds) {
			try {
				Duration until = Duration.between(this.clock.instant(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? null : until;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static boolean causedByRefusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof GuardedDnsResolver.RefusedAddressException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(RestClientException ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	private record Answer(int status, String retryAfter) {
	}

	private static final class Named implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "webhook-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}
	}
}
