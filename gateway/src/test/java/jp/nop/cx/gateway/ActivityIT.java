package jp.nop.cx.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jp.nop.cx.events.EventType;
import jp.nop.cx.gateway.activity.TermsCalendar;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 2.2, 4.5, 16.3: use by a partner's IDs is reported, sampled, and never late for new terms. */
class ActivityIT extends GatewayIntegrationTest {

	@Autowired
	TermsCalendar terms;

	@Test
	void useIsReportedAtMostOncePerMinutePerLoginId() {
		String partnerId = unique("p");
		String loginId = unique("login");
		ApiClient admin = gateway().as(TestTokens.partnerAdmin(partnerId, loginId))
			.header("User-Agent", "cx-partner-client/1.0");
		Instant start = this.clock.instant();

		admin.get("/api/v1/partners/me");
		TopicProbe.Event first = TopicProbe.await(EventType.PARTNER_ACTIVITY.topic(),
				(e) -> loginId.equals(e.body().path("loginId").asString()));
		this.clock.advance(Duration.ofSeconds(30));
		admin.get("/api/v1/notifications/me");
		this.clock.advance(Duration.ofSeconds(30));
		admin.put("/api/v1/notifications/me/webhook", "{}");

		assertThat(first.key()).isEqualTo(partnerId);
		assertThat(first.ceType()).isEqualTo(EventType.PARTNER_ACTIVITY.ceType());
		assertThat(first.headers()).containsEntry("ce_source", "/cx/gateway").containsEntry("ce_subject", partnerId);
		assertThat(first.body().path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(first.body().path("capability").asString()).isEqualTo("registration");
		assertThat(first.body().path("method").asString()).isEqualTo("GET");
		assertThat(first.body().path("clientIp").asString()).isEqualTo(clientIp());
		assertThat(first.body().path("userAgent").asString()).isEqualTo("cx-partner-client/1.0");
		assertThat(Instant.parse(first.body().path("occurredAt").asString())).isEqualTo(start);
		await().atMost(Duration.ofSeconds(10)).until(() -> activity(loginId).size() == 2);
		TopicProbe.Event second = activity(loginId).get(1);
		assertThat(second.body().path("capability").asString()).isEqualTo("webhooks");
		assertThat(Instant.parse(second.body().path("occurredAt").asString())).isEqualTo(start.plusSeconds(60));
	}

	@Test
	void theFirstUseAfterNewTermsTakeEffectIsReportedAtOnce() {
		String loginId = unique("login");
		ApiClient member = gateway().as(TestTokens.token(loginId, unique("p"), List.of("PARTNER_MEMBER"),
				Duration.ofMinutes(15)));
		// A day ahead, so this version's effective time lies in no other test's way.
		Instant start = this.clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		this.clock.set(start);
		member.get("/api/v1/partners/me");
		Instant effectiveFrom = start.plusSeconds(20);
		Published.event(Published.termsChanged("2", effectiveFrom));
		await().atMost(Duration.ofSeconds(5)).until(() -> effectiveFrom.equals(this.terms.latest()));

		this.clock.set(start.plusSeconds(10));
		member.get("/api/v1/terms/current");
		this.clock.set(start.plusSeconds(25));
		// Art. 2.2, 16.3: this use is the deemed acceptance of version 2; it cannot wait a minute.
		member.get("/api/v1/notifications/me");
		this.clock.set(start.plusSeconds(30));
		member.get("/api/v1/partners/me");

		await().atMost(Duration.ofSeconds(10)).until(() -> activity(loginId).size() == 2);
		assertThat(activity(loginId)).extracting((e) -> Instant.parse(e.body().path("occurredAt").asString()))
			.containsExactly(start, start.plusSeconds(25));
	}

	@Test
	void operatorsAndAnonymousCallersProduceNoActivity() {
		String operator = unique("operator");
		String marker = unique("login");
		gateway().as(TestTokens.token(operator, null, List.of("OPERATOR"), Duration.ofMinutes(15)))
			.get("/api/v1/partners");
		gateway().get("/api/v1/terms/current");
		gateway().as(TestTokens.partnerAdmin(unique("p"), marker)).get("/api/v1/partners/me");

		TopicProbe.await(EventType.PARTNER_ACTIVITY.topic(), (e) -> marker.equals(e.body().path("loginId").asString()));
		assertThat(activity(operator)).isEmpty();
	}

	private static List<TopicProbe.Event> activity(String loginId) {
		return TopicProbe.all(EventType.PARTNER_ACTIVITY.topic(),
				(e) -> loginId.equals(e.body().path("loginId").asString()));
	}
}
