package jp.nop.cx.gateway;

import jp.nop.cx.events.Capability;
import java.time.Duration;
import java.util.List;

import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 7.2, 7.3, 7.5 at the gateway: a measure published by enforcement-service holds within a second. */
class SuspensionIT extends GatewayIntegrationTest {

	@Test
	void aSuspendedPartnerIsRefusedWithinOneSecondWithTheMeasureNamed() {
		String partnerId = unique("p");
		String admin = TestTokens.partnerAdmin(partnerId);
		assertThat(gateway().as(admin).get("/api/v1/partners/me").status()).isEqualTo(200);

		Published.event(Published.suspendedAll(partnerId, "m-401", "c-77"));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).get("/api/v1/partners/me").status() == 403);
		int forwarded = SERVICES.all((r) -> r.uri().startsWith("/api/v1/")).size();
		Response refused = gateway().as(admin).get("/api/v1/terms/current");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/partner-suspended");
		assertThat(refused.text("title")).isEqualTo("利用が停止されています");
		assertThat(refused.text("measureId")).isEqualTo("m-401");
		assertThat(refused.text("caseId")).isEqualTo("c-77");
		assertThat(refused.json().path("scope").path("all").asBoolean()).isTrue();
		// Art. 4.2: what any of the partner's IDs does is the partner's own act.
		assertThat(gateway().as(TestTokens.partnerMember(partnerId)).get("/api/v1/notifications/me").status())
			.isEqualTo(403);
		assertThat(gateway().as(TestTokens.partnerAdmin(unique("other"))).get("/api/v1/partners/me").status())
			.isEqualTo(200);
		assertThat(SERVICES.all((r) -> admin.equals(bearer(r.header("Authorization"))))).hasSize(forwarded);
	}

	@Test
	void aSuspendedPartnerCanStillSignInAndReadWhy() {
		String partnerId = unique("p");
		String admin = TestTokens.partnerAdmin(partnerId);
		Published.event(Published.suspendedAll(partnerId, "m-1", "c-1"));
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).get("/api/v1/partners/me").status() == 403);

		assertThat(gateway().as(admin).get("/api/v1/enforcement/me/standing").status()).isEqualTo(200);
		assertThat(gateway().as(admin).post("/api/v1/auth/token", "{}").status()).isEqualTo(200);
		assertThat(gateway().as(admin).post("/api/v1/auth/refresh", "{}").status()).isEqualTo(200);
	}

	@Test
	void aSuspendedPartnerCanStillReadItsCasesAndProposeWhenToResume() {
		String partnerId = unique("p");
		String admin = TestTokens.partnerAdmin(partnerId);
		Published.event(Published.suspendedAll(partnerId, "m-5", "c-5"));
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).get("/api/v1/partners/me").status() == 403);

		// Art. 7.5: the consultation about resuming goes on while the service is suspended.
		assertThat(gateway().as(admin).get("/api/v1/enforcement/me/cases").status()).isEqualTo(200);
		assertThat(gateway().as(admin).get("/api/v1/enforcement/me/cases/c-5").status()).isEqualTo(200);
		assertThat(gateway().as(admin).post("/api/v1/enforcement/me/cases/c-5/proposals", "{}").status())
			.isEqualTo(200);
		assertThat(gateway().as(admin).post("/api/v1/enforcement/me/cases/c-5", "{}").status()).isEqualTo(403);
		assertThat(gateway().as(admin).post("/api/v1/enforcement/me/cases/c-5/proposals/x", "{}").status())
			.isEqualTo(403);
	}

	@Test
	void aPartialSuspensionBlocksOnlyTheNamedCapabilities() {
		String partnerId = unique("p");
		String admin = TestTokens.partnerAdmin(partnerId);

		Published.event(Published.suspended(partnerId, "m-2", "c-2", List.of(Capability.WEBHOOKS, Capability.EXPORT)));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).put("/api/v1/notifications/me/webhook", "{}").status() == 403);
		Response export = gateway().as(admin).get("/api/v1/partners/me/export");
		assertThat(export.status()).isEqualTo(403);
		assertThat(export.json().path("scope").path("capabilities").toString()).isEqualTo("[\"webhooks\",\"export\"]");
		assertThat(export.text("capability")).isEqualTo("export");
		assertThat(gateway().as(admin).get("/api/v1/partners/me").status()).isEqualTo(200);
		assertThat(gateway().as(admin).get("/api/v1/notifications/me").status()).isEqualTo(200);
	}

	@Test
	void reinstatementLetsThePartnerBackInWithinOneSecond() {
		String partnerId = unique("p");
		String admin = TestTokens.partnerAdmin(partnerId);
		Published.event(Published.suspendedAll(partnerId, "m-3", "c-3"));
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).get("/api/v1/partners/me").status() == 403);

		// Art. 7.5: the cause was resolved; the measure is lifted.
		Published.event(Published.good(partnerId));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).get("/api/v1/partners/me").status() == 200);
	}

	@Test
	void theRefusalSpeaksEnglishWhenAskedTo() {
		String partnerId = unique("p");
		String admin = TestTokens.partnerAdmin(partnerId);
		Published.event(Published.suspendedAll(partnerId, "m-4", "c-4"));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(admin).get("/api/v1/partners/me").status() == 403);
		Response refused = gateway().as(admin).header("Accept-Language", "en-GB,en;q=0.8,ja;q=0.5").get("/api/v1/partners/me");
		assertThat(refused.text("title")).isEqualTo("Use suspended");
		assertThat(refused.text("detail")).contains("Art. 7.2");
	}

	private static String bearer(String authorization) {
		return (authorization != null) ? authorization.substring("Bearer ".length()) : null;
	}
}
