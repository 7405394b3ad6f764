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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner A never reads or changes partner B's notices, webhook or backup. */
class TenantIsolationIT extends NotificationIT {

	@Test
	void aPartnerSeesAndMarksOnlyItsOwnNotices() {
		PartnerApproved a = approvedPartner("株式会社エー", "ja");
		PartnerApproved b = approvedPartner("株式会社ビー", "ja");
		ApiClient adminA = api().as(TestTokens.partnerAdmin(a.partnerId()));
		ApiClient adminB = api().as(TestTokens.partnerAdmin(b.partnerId()));
		eventually().until(() -> adminB.get("/api/v1/notifications/me").json().path("total").asInt() == 1);
		eventually().until(() -> adminA.get("/api/v1/notifications/me").json().path("total").asInt() == 1);
		String itemOfB = adminB.get("/api/v1/notifications/me").json().path("items").get(0).path("id").asString();

		assertThat(adminA.get("/api/v1/notifications/me").raw()).doesNotContain(itemOfB).doesNotContain("株式会社ビー");
		ApiClient.Response notYours = adminA.post("/api/v1/notifications/" + itemOfB + "/read", null);
		assertThat(notYours.status()).isEqualTo(404);
		assertThat(notYours.header("Content-Type")).startsWith("application/problem+json");
		assertThat(adminB.get("/api/v1/notifications/me").json().path("unread").asInt()).isEqualTo(1);

		ApiClient memberB = api().as(TestTokens.partnerMember(b.partnerId()));
		assertThat(memberB.post("/api/v1/notifications/" + itemOfB + "/read", null).status()).isEqualTo(204);
		assertThat(memberB.post("/api/v1/notifications/" + itemOfB + "/read", null).status()).isEqualTo(204);
		assertThat(adminB.get("/api/v1/notifications/me").json().path("unread").asInt()).isZero();
		assertThat(adminA.post("/api/v1/notifications/no-such-id/read", null).status()).isEqualTo(404);
	}

	@Test
	void theBackupOfOnePartnerIsNotAnothersToRead() {
		PartnerApproved a = approvedPartner("株式会社エクスポートA", "ja");
		PartnerApproved b = approvedPartner("株式会社エクスポートB", "ja");
		ApiClient adminA = api().as(TestTokens.partnerAdmin(a.partnerId()));
		String secret = adminA.put("/api/v1/notifications/me/webhook", Map.of("url", HOOKS.endpoint())).text("secret");
		String report = publish(new CredentialCompromised(a.partnerId(), "inc-" + UUID.randomUUID(), "LOST",
				List.of("admin-" + a.partnerId()), "admin-" + a.partnerId(), "紛失", Instant.now()));
		awaitDelivery(report, Channel.INBOX, DeliveryStatus.SENT);

		assertThat(adminA.get("/internal/v1/partners/" + b.partnerId() + "/export").status()).isEqualTo(404);
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
	void onlyOperatorsReadTheProofOfNoticeAndOnlyPartnersHaveAnInbox() {
		PartnerApproved a = approvedPartner("株式会社権限", "ja");
		assertThat(api().as(TestTokens.partnerAdmin(a.partnerId())).get("/api/v1/notifications/deliveries").status())
			.isEqualTo(403);
		assertThat(api().as(TestTokens.partnerMember(a.partnerId())).get("/api/v1/notifications/deliveries").status())
			.isEqualTo(403);
		assertThat(api().as(TestTokens.operator()).get("/api/v1/notifications/me").status()).isEqualTo(403);
		assertThat(api().as(TestTokens.token("admin-x", null, List.of("PARTNER_ADMIN"), Duration.ofMinutes(5)))
			.get("/api/v1/notifications/me")
			.status()).isEqualTo(403);
	}

	@Test
	void withoutAValidTokenNothingIsAnswered() {
		PartnerApproved a = approvedPartner("株式会社認証", "ja");
		for (String path : List.of("/api/v1/notifications/me", "/api/v1/notifications/deliveries",
				"/api/v1/notifications/me/webhook", "/internal/v1/partners/" + a.partnerId() + "/export")) {
			assertThat(api().get(path).status()).as(path).isEqualTo(401);
			assertThat(api().as(TestTokens.expired(a.partnerId())).get(path).status()).as(path).isEqualTo(401);
			assertThat(api().as(TestTokens.signedWithForeignKey(a.partnerId())).get(path).status()).as(path).isEqualTo(401);
			assertThat(api().as(TestTokens.unsigned(a.partnerId())).get(path).status()).as(path).isEqualTo(401);
		}
		assertThat(api().post("/api/v1/notifications/x/read", null).status()).isEqualTo(401);
		assertThat(api().get("/actuator/health/readiness").status()).isEqualTo(200);
	}
}
