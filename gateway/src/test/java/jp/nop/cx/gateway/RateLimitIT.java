package jp.nop.cx.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 7.1(3), 7.2(3): limits per partner and per anonymous client, and reporting sustained excess. */
class RateLimitIT extends GatewayIntegrationTest {

	@Test
	void everyAnswerTellsThePartnerItsLimit() {
		Response response = gateway().as(TestTokens.partnerAdmin(unique("p"))).get("/api/v1/partners/me");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("RateLimit-Limit")).isEqualTo("100");
		assertThat(response.header("RateLimit-Remaining")).isEqualTo("99");
		assertThat(Long.parseLong(response.header("RateLimit-Reset"))).isBetween(1L, 2L);
	}

	@Test
	void aThrottledPartnerGets429AboveItsLoweredLimit() {
		String partnerId = unique("p");
		ApiClient admin = gateway().as(TestTokens.partnerAdmin(partnerId));
		Published.event(Published.throttled(partnerId, 1));

		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> "1".equals(admin.get("/api/v1/partners/me").header("RateLimit-Limit")));
		Response refused = admin.get("/api/v1/partners/me");
		if (refused.status() == 200) {
			refused = admin.get("/api/v1/partners/me");
		}

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/rate-limited");
		assertThat(refused.json().path("limitPerSecond").asInt()).isEqualTo(1);
		assertThat(refused.header("RateLimit-Limit")).isEqualTo("1");
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(1L);
		assertThat(refused.header("RateLimit-Reset")).isEqualTo(refused.header("Retry-After"));
		// All of the partner's IDs share its limit (Art. 4.2).
		assertThat(gateway().as(TestTokens.partnerMember(partnerId)).get("/api/v1/partners/me").status())
			.isEqualTo(429);
	}

	@Test
	void sustainedExcessIsReportedOncePerWindow() {
		String partnerId = unique("p");
		ApiClient admin = gateway().as(TestTokens.partnerAdmin(partnerId));
		Published.event(Published.throttled(partnerId, 1));
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> admin.get("/api/v1/partners/me").status() == 429);

		// 20 refusals within 10 s count as sustained (test configuration).
		hammer(admin, 40);
		TopicProbe.Event reported = TopicProbe.await(EventType.EXCESSIVE_LOAD_DETECTED.topic(),
				(e) -> partnerId.equals(e.key()));
		hammer(admin, 40);

		assertThat(reported.ceType()).isEqualTo(EventType.EXCESSIVE_LOAD_DETECTED.ceType());
		assertThat(reported.headers()).containsEntry("ce_source", "/cx/gateway")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_subject", partnerId)
			.containsKeys("ce_id", "ce_time");
		assertThat(reported.body().path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(reported.body().path("clientIp").asString()).isEqualTo(clientIp());
		assertThat(reported.body().path("limitPerSecond").asInt()).isEqualTo(1);
		assertThat(reported.body().path("rejectedRequests").asLong()).isEqualTo(20);
		assertThat(reports(partnerId)).hasSize(1);

		this.clock.advance(Duration.ofSeconds(11));
		hammer(admin, 30);

		await().atMost(Duration.ofSeconds(10)).until(() -> reports(partnerId).size() == 2);
	}

	@Test
	void anonymousCallsAreLimitedPerClientAddress() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			statuses.add(gateway().get("/api/v1/terms/current").status());
		}

		assertThat(statuses).contains(429).startsWith(200, 200, 200, 200, 200);
		assertThat(ApiClient.at(this.port).header("X-Forwarded-For", "203.0.113.9").get("/api/v1/terms/current").status())
			.isEqualTo(200);
	}

	@Test
	void operatorsAreNotLimited() {
		Response response = gateway().as(TestTokens.operator()).get("/api/v1/partners");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("RateLimit-Limit")).isNull();
	}

	private static void hammer(ApiClient client, int requests) {
		for (int i = 0; i < requests; i++) {
			client.get("/api/v1/partners/me");
		}
	}

	private static List<TopicProbe.Event> reports(String partnerId) {
		return TopicProbe.all(EventType.EXCESSIVE_LOAD_DETECTED.topic(), (e) -> partnerId.equals(e.key()));
	}
}
