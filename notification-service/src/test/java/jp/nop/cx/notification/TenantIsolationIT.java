package jp.nop.cx.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.events.CredentialCompromised;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.tenancy.Endpoint;
import jp.nop.cx.test.tenancy.TenantIsolationContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Partner A never reads or changes partner B's notices, webhook or backup. */
class TenantIsolationIT extends NotificationIT implements TenantIsolationContract {

	private static final String VICTIM_COMPANY = "株式会社被害者";

	private String noticeId;

	/** An approved partner with its approval notice in the inbox and a webhook endpoint. */
	@Override
	public String victimWithData() {
		String victim = approvedPartner(VICTIM_COMPANY, "ja").partnerId();
		ApiClient admin = api().as(TestTokens.partnerAdmin(victim));
		eventually().until(() -> admin.get("/api/v1/notifications/me").json().path("total").asInt() == 1);
		this.noticeId = admin.get("/api/v1/notifications/me").json().path("items").get(0).path("id").asString();
		ApiClient.Response registered = admin.put("/api/v1/notifications/me/webhook", Map.of("url", HOOKS.endpoint()));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
		return victim;
	}

	@Override
	public ApiClient api() {
		return super.api();
	}

	@Override
	public List<Endpoint> partnerScopedEndpoints(String victim) {
		return List.of(Endpoint.post("/api/v1/notifications/" + this.noticeId + "/read", null, "the victim's notice"),
				Endpoint.get("/internal/v1/partners/" + victim + "/export", "the victim's backup"),
				Endpoint.get("/api/v1/notifications/me", "own inbox").answeringTheCaller(),
				Endpoint.put("/api/v1/notifications/me/webhook", Map.of("url", HOOKS.endpoint()),
						"registering one's own webhook")
					.answeringTheCaller(),
				Endpoint.get("/api/v1/notifications/me/webhook", "own webhook").answeringTheCaller(),
				Endpoint.delete("/api/v1/notifications/me/webhook", "removing one's own webhook").answeringTheCaller());
	}

	@Override
	public List<Endpoint> operatorEndpoints(String victim) {
		return List.of(Endpoint.get("/api/v1/notifications/deliveries", "proof of notice"),
				Endpoint.get("/api/v1/notifications/deliveries?partnerId=" + victim, "proof of notice to the victim"));
	}

	@Override
	public List<String> victimMarkers(String victim) {
		return List.of(victim, this.noticeId, VICTIM_COMPANY);
	}

	/** What this service holds of the victim: its projection, its inbox and its webhook endpoint. */
	@Override
	public Object victimSnapshot(String victim) {
		return List.of(this.mongo.findById(victim, Document.class, "partners"),
				this.mongo.find(query(where("partnerId").is(victim)).with(Sort.by("_id")), Document.class, "inbox"),
				this.mongo.findById(victim, Document.class, "webhook_endpoints"));
	}

	@Test
	void aPartnersOwnIdsMarkItsNoticesRead() {
		String partner = victimWithData();
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner));
		ApiClient member = api().as(TestTokens.partnerMember(partner));

		assertThat(member.post("/api/v1/notifications/" + this.noticeId + "/read", null).status()).isEqualTo(204);
		assertThat(member.post("/api/v1/notifications/" + this.noticeId + "/read", null).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/notifications/me").json().path("unread").asInt()).isZero();
		assertThat(admin.post("/api/v1/notifications/no-such-id/read", null).status()).isEqualTo(404);
	}

	@Test
	void aPartnersBackupHoldsItsNoticesDeliveriesAndWebhookButNoSecret() {
		PartnerApproved a = approvedPartner("株式会社エクスポートA", "ja");
		PartnerApproved b = approvedPartner("株式会社エクスポートB", "ja");
		ApiClient adminA = api().as(TestTokens.partnerAdmin(a.partnerId()));
		String secret = adminA.put("/api/v1/notifications/me/webhook", Map.of("url", HOOKS.endpoint())).text("secret");
		String report = publish(new CredentialCompromised(a.partnerId(), "inc-" + UUID.randomUUID(), "LOST",
				List.of("admin-" + a.partnerId()), "admin-" + a.partnerId(), "紛失", Instant.now()));
		awaitDelivery(report, Channel.INBOX, DeliveryStatus.SENT);

		ApiClient.Response own = adminA.get("/internal/v1/partners/" + a.partnerId() + "/export");
		assertThat(own.status()).isEqualTo(200);
		JsonNode export = own.json();
		assertThat(export.path("partnerId").asString()).isEqualTo(a.partnerId());
		assertThat(export.path("notices").size()).isGreaterThanOrEqualTo(2);
		assertThat(export.path("deliveries").size()).isGreaterThanOrEqualTo(3);
		assertThat(export.path("webhook").path("url").asString()).startsWith("http://127.0.0.1:");
		// No secret, and not the operator's alert about the partner.
		assertThat(own.raw()).doesNotContain(secret.substring(6)).doesNotContain("whsec_")
			.doesNotContain("operator@nop.example");

		ApiClient.Response byOperator = api().as(TestTokens.operator())
			.get("/internal/v1/partners/" + b.partnerId() + "/export");
		assertThat(byOperator.status()).isEqualTo(200);
		assertThat(byOperator.raw()).contains(b.partnerId()).doesNotContain(a.partnerId());
	}

	@Test
	void onlyPartnersHaveAnInbox() {
		assertThat(api().as(TestTokens.operator()).get("/api/v1/notifications/me").status()).isEqualTo(403);
		assertThat(api().as(TestTokens.token("admin-x", null, List.of("PARTNER_ADMIN"), Duration.ofMinutes(5)))
			.get("/api/v1/notifications/me")
			.status()).isEqualTo(403);
	}

	@Test
	void theReadinessProbeNeedsNoTokenOnTheManagementPort(@LocalManagementPort int managementPort) {
		assertThat(ApiClient.at(managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
	}
}
