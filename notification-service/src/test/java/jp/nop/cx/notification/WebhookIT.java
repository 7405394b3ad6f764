package jp.nop.cx.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.notification.delivery.Attempt;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.support.WebhookReceiver.Reply;
import jp.nop.cx.notification.support.WebhookReceiver.Request;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks: registration with the SSRF guard, Standard Webhooks signing, the retry schedule. */
class WebhookIT extends NotificationIT {

	private static final String WEBHOOK = "/api/v1/notifications/me/webhook";

	@Test
	void theSecretIsShownOnceAndEveryDeliveryIsSignedInTheStandardWebhooksManner() throws Exception {
		PartnerApproved partner = approvedPartner("株式会社フック", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));
		String url = HOOKS.endpoint();

		ApiClient.Response registered = admin.put(WEBHOOK, Map.of("url", url));
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.header("Cache-Control")).contains("no-store");
		String secret = registered.text("secret");
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
		ApiClient.Response shown = admin.get(WEBHOOK);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.text("url")).isEqualTo(url);
		assertThat(shown.text("status")).isEqualTo("ACTIVE");
		assertThat(shown.json().has("secret")).isFalse();
		assertThat(shown.raw()).doesNotContain(secret.substring(6));

		String eventId = publish(new PartnerWarned(partner.partnerId(), "c-w", "m-w", "TERMS_VIOLATION", "是正を求めます",
				Instant.now()));
		Delivery delivery = awaitDelivery(eventId, Channel.WEBHOOK, DeliveryStatus.SENT);

		Request request = HOOKS.requestsTo(url).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(request.header("webhook-id")).isEqualTo(delivery.id());
		long timestamp = Long.parseLong(request.header("webhook-timestamp"));
		assertThat(timestamp).isEqualTo(this.clock.instant().getEpochSecond());
		// An independent check of the signature, as a receiver would compute it.
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
		String expected = "v1," + Base64.getEncoder()
			.encodeToString(mac.doFinal((request.header("webhook-id") + "." + timestamp + "." + request.body())
				.getBytes(StandardCharsets.UTF_8)));
		assertThat(request.header("webhook-signature")).isEqualTo(expected);

		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.path("type").asString()).isEqualTo("partner.warned.v1");
		assertThat(body.path("timestamp").asString()).isNotBlank();
		JsonNode data = body.path("data");
		assertThat(data.path("eventId").asString()).isEqualTo(eventId);
		assertThat(data.path("partnerId").asString()).isEqualTo(partner.partnerId());
		assertThat(data.path("article").asString()).isEqualTo("Art. 7.2(1)");
		assertThat(data.path("subject").asString()).contains("警告");
		assertThat(data.path("event").path("caseId").asString()).isEqualTo("c-w");
		assertThat(delivery.address()).isEqualTo(url);
	}

	@Test
	void aWarningAboutSomeCapabilitiesNamesThemInTheMailTheInboxAndTheWebhook() {
		PartnerApproved ja = approvedPartner("株式会社範囲指定", "ja");
		PartnerApproved en = approvedPartner("Scoped KK", "en");
		String jaUrl = HOOKS.endpoint();
		register(ja, jaUrl);
		String jaEvent = publish(new PartnerWarned(ja.partnerId(), "c-s", "m-s", "EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS",
				false, List.of(Capability.WEBHOOKS, Capability.EXPORT), "Webhook の受信側で再送が過剰です", Instant.now()));
		publish(new PartnerWarned(en.partnerId(), "c-s", "m-s", "EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS", false,
				List.of(Capability.WEBHOOKS), "Too many retries", Instant.now()));

		assertThat(awaitMail(ja.contactEmail(), "警告のお知らせ").text()).contains("警告の対象: 本サービスの一部（Webhook、バックアップ（エクスポート））");
		assertThat(awaitMail(en.contactEmail(), "] Warning").text()).contains("Concerning: part of the service: webhooks");
		JsonNode inbox = api().as(TestTokens.partnerAdmin(ja.partnerId())).get("/api/v1/notifications/me").json();
		assertThat(inbox.path("items").toString()).contains("本サービスの一部（Webhook、バックアップ（エクスポート））");
		awaitDelivery(jaEvent, Channel.WEBHOOK, DeliveryStatus.SENT);
		JsonNode data = JsonMapper.builder().build().readTree(HOOKS.requestsTo(jaUrl).get(0).body()).path("data");
		assertThat(data.path("body").asString()).contains("本サービスの一部（Webhook、バックアップ（エクスポート））");
		assertThat(data.path("event").path("all").asBoolean()).isFalse();
		assertThat(data.path("event").path("capabilities").toString()).isEqualTo("[\"webhooks\",\"export\"]");
	}

	@Test
	void aFailingEndpointIsRetriedOnTheScheduleUntilItAnswers() {
		PartnerApproved partner = approvedPartner("株式会社再送", "ja");
		String url = HOOKS.endpoint(Reply.status(500));
		register(partner, url);
		// Mongo keeps milliseconds: start on a whole one so instants compare exactly.
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.clock.set(start);

		String eventId = publish(warning(partner));
		eventually().until(() -> webhookDelivery(eventId) != null && webhookDelivery(eventId).attempts() == 1);
		Delivery failed = webhookDelivery(eventId);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(failed.nextAttemptAt()).isEqualTo(start.plusSeconds(5));
		assertThat(failed.lastError()).isEqualTo("HTTP 500");

		// Svix schedule: the second attempt comes 5 s after the first, not sooner.
		this.clock.advance(Duration.ofSeconds(4));
		runLane(Channel.WEBHOOK);
		assertThat(HOOKS.requestsTo(url)).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));
		Delivery sent = awaitDelivery(eventId, Channel.WEBHOOK, DeliveryStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.attemptLog()).extracting(Attempt::outcome).containsExactly("FAILED", "SENT");
		List<Request> requests = HOOKS.requestsTo(url);
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
	}

	@Test
	void retryAfterIsHonouredWhenLongerThanTheSchedule() {
		PartnerApproved partner = approvedPartner("株式会社待機", "ja");
		String url = HOOKS.endpoint(Reply.retryAfter(503, "120"));
		register(partner, url);
		// Mongo keeps milliseconds: start on a whole one so instants compare exactly.
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.clock.set(start);

		String eventId = publish(warning(partner));
		eventually().until(() -> webhookDelivery(eventId) != null && webhookDelivery(eventId).attempts() == 1);
		assertThat(webhookDelivery(eventId).nextAttemptAt()).isEqualTo(start.plusSeconds(120));

		this.clock.advance(Duration.ofSeconds(5));
		runLane(Channel.WEBHOOK);
		assertThat(HOOKS.requestsTo(url)).hasSize(1);

		this.clock.advance(Duration.ofSeconds(115));
		assertThat(awaitDelivery(eventId, Channel.WEBHOOK, DeliveryStatus.SENT).attempts()).isEqualTo(2);
	}

	@Test
	void aReceiverThatAnswers410DisablesTheEndpoint() {
		PartnerApproved partner = approvedPartner("株式会社撤去", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));
		String url = HOOKS.endpoint(Reply.status(410));
		register(partner, url);

		String first = publish(warning(partner));
		assertThat(awaitDelivery(first, Channel.WEBHOOK, DeliveryStatus.DISABLED).attempts()).isEqualTo(1);
		ApiClient.Response shown = admin.get(WEBHOOK);
		assertThat(shown.text("status")).isEqualTo("DISABLED");
		assertThat(shown.text("disabledReason")).isEqualTo("410 Gone");

		String second = publish(warning(partner));
		awaitDelivery(second, Channel.EMAIL, DeliveryStatus.SENT);
		assertThat(deliveriesOf(second, Channel.WEBHOOK)).isEmpty();
		assertThat(HOOKS.requestsTo(url)).hasSize(1);

		// Registering again turns it back on.
		assertThat(admin.put(WEBHOOK, Map.of("url", url)).text("status")).isEqualTo("ACTIVE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:1/hook", "http://10.0.0.1/hook", "http://[::1]:8080/hook",
			"http://169.254.169.254/latest/meta-data/", "http://localhost:9/hook", "http://192.168.10.20/hook",
			"http://[fd00:ec2::254]/" })
	void urlsThatResolveToLoopbackPrivateLinkLocalOrMetadataAddressesAreRefused(String url) {
		PartnerApproved partner = approvedPartner("株式会社SSRF", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));

		ApiClient.Response refused = admin.put(WEBHOOK, Map.of("url", url));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/webhook-target-refused");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		assertThat(admin.get(WEBHOOK).status()).isEqualTo(404);
	}

	@Test
	void aNameThatResolvesToAPrivateAddressAtDeliveryTimeIsNotCalled() {
		PartnerApproved partner = approvedPartner("株式会社リバインド", "ja");
		this.dns.point("hooks.rebinding.example", "203.0.113.10");
		register(partner, "https://hooks.rebinding.example/cx");
		this.dns.point("hooks.rebinding.example", "10.0.0.1");

		String eventId = publish(warning(partner));
		Delivery refused = awaitDelivery(eventId, Channel.WEBHOOK, DeliveryStatus.FAILED);
		assertThat(refused.lastError()).contains("refused target 10.0.0.1 (PRIVATE)");
		assertThat(refused.attempts()).isEqualTo(1);
	}

	@Test
	void badRegistrationsAreClearProblemsAndStoreNothing() {
		PartnerApproved partner = approvedPartner("株式会社入力", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));

		ApiClient.Response ftp = admin.put(WEBHOOK, Map.of("url", "ftp://hooks.partner.example/cx"));
		assertThat(ftp.status()).isEqualTo(422);
		assertThat(ftp.text("type")).endsWith("/webhook-url-invalid");
		assertThat(admin.put(WEBHOOK, "{\"url\": {\"$gt\": \"\"}}").status()).isEqualTo(400);
		assertThat(admin.put(WEBHOOK, "{\"url\": ").status()).isEqualTo(400);
		ApiClient.Response missing = admin.put(WEBHOOK, "{}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		assertThat(admin.put(WEBHOOK, Map.of("url", "https://x.example/" + "a".repeat(3000))).status()).isEqualTo(422);
		assertThat(admin.get(WEBHOOK).status()).isEqualTo(404);

		// Art. 4.1: account administration is the administrator ID's; members may look.
		ApiClient member = api().as(TestTokens.partnerMember(partner.partnerId()));
		assertThat(member.put(WEBHOOK, Map.of("url", HOOKS.endpoint())).status()).isEqualTo(403);
		assertThat(member.delete(WEBHOOK).status()).isEqualTo(403);
		assertThat(member.get(WEBHOOK).status()).isEqualTo(404);
	}

	@Test
	void aRemovedEndpointGetsNoMoreNotices() {
		PartnerApproved partner = approvedPartner("株式会社削除", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));
		String url = HOOKS.endpoint();
		register(partner, url);

		assertThat(admin.delete(WEBHOOK).status()).isEqualTo(204);
		assertThat(admin.get(WEBHOOK).status()).isEqualTo(404);
		assertThat(admin.delete(WEBHOOK).status()).isEqualTo(404);
		String eventId = publish(warning(partner));
		awaitDelivery(eventId, Channel.INBOX, DeliveryStatus.SENT);
		assertThat(deliveriesOf(eventId, Channel.WEBHOOK)).isEmpty();
		assertThat(HOOKS.requestsTo(url)).isEmpty();
	}

	private void register(PartnerApproved partner, String url) {
		ApiClient.Response registered = api().as(TestTokens.partnerAdmin(partner.partnerId()))
			.put(WEBHOOK, Map.of("url", url));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
	}

	private Delivery webhookDelivery(String eventId) {
		List<Delivery> found = deliveriesOf(eventId, Channel.WEBHOOK);
		return found.isEmpty() ? null : found.get(0);
	}

	private static PartnerWarned warning(PartnerApproved partner) {
		return new PartnerWarned(partner.partnerId(), "c-" + partner.partnerId(), "m-1", "SERVICE_OBSTRUCTION", null,
				Instant.now());
	}
}
