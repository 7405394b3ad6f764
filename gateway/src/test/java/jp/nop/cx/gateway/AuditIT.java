package jp.nop.cx.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Art. 4.2, 7.2: every authenticated write through the gateway, of partners and operators, is
 * published once on {@code audit-recorded} with who, what, the outcome and the trace; reads,
 * anonymous calls and invalid tokens are not.
 */
class AuditIT extends GatewayIntegrationTest {

	@Test
	void aPartnersPatchIsRecordedOnceWithLoginIdTraceAndOutcome() {
		String partnerId = unique("p");
		String loginId = unique("admin");
		String traceId = UUID.randomUUID().toString().replace("-", "");

		ApiClient.Response patched = gateway().as(TestTokens.partnerAdmin(partnerId, loginId))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header("User-Agent", "cx-partner-client/2.0")
			.patch("/api/v1/partners/me", "{\"contact\":{\"phone\":\"03-0000-0000\"}}");

		assertThat(patched.status()).isEqualTo(200);
		TopicProbe.Event entry = TopicProbe.await(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, loginId));
		assertThat(entry.ceType()).isEqualTo("jp.nop.cx.audit.recorded.v1");
		assertThat(entry.headers()).containsEntry("ce_source", "/cx/gateway");
		assertThat(entry.key()).isEqualTo(partnerId);
		assertThat(entry.body().path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(entry.body().path("roles").toString()).isEqualTo("[\"PARTNER_ADMIN\"]");
		assertThat(entry.body().path("action").asString()).isEqualTo("PATCH /api/v1/partners/me");
		assertThat(entry.body().path("targets")).isEmpty();
		assertThat(entry.body().path("status").asInt()).isEqualTo(200);
		assertThat(entry.body().path("traceId").asString()).isEqualTo(traceId);
		assertThat(entry.body().path("clientIp").asString()).isEqualTo(clientIp());
		assertThat(entry.body().path("userAgent").asString()).isEqualTo("cx-partner-client/2.0");
		assertThat(entry.body().path("occurredAt").asString()).isNotEmpty();
		assertOnlyOne(loginId, TestTokens.partnerAdmin(partnerId, loginId));
	}

	@Test
	void anOperatorsApprovalIsRecordedWithTheRegistrationAsTarget() {
		String operator = unique("operator");
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String token = TestTokens.token(operator, null, List.of("OPERATOR"), Duration.ofMinutes(15));

		gateway().as(token)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.post("/api/v1/registrations/app-4711/approval", "{}");

		TopicProbe.Event entry = TopicProbe.await(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, operator));
		assertThat(entry.key()).isEqualTo(operator);
		assertThat(entry.body().path("partnerId").isNull()).isTrue();
		assertThat(entry.body().path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
		assertThat(entry.body().path("action").asString()).isEqualTo("POST /api/v1/registrations/{registrationId}/approval");
		assertThat(entry.body().path("targets").get(0).path("name").asString()).isEqualTo("registrationId");
		assertThat(entry.body().path("targets").get(0).path("value").asString()).isEqualTo("app-4711");
		assertThat(entry.body().path("traceId").asString()).isEqualTo(traceId);
		assertOnlyOne(operator, token);
	}

	@Test
	void aWriteTheGatewayRefusesIsRecordedWithItsStatus() {
		String partnerId = unique("p");
		String loginId = unique("admin");
		String token = TestTokens.partnerAdmin(partnerId, loginId);
		Published.event(Published.suspendedAll(partnerId, "m-9", "c-9"));
		await().atMost(Duration.ofSeconds(5)).until(() -> gateway().as(token).get("/api/v1/partners/me").status() == 403);

		gateway().as(token).delete("/api/v1/partners/me/termination");

		TopicProbe.Event entry = TopicProbe.await(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, loginId));
		assertThat(entry.body().path("action").asString()).isEqualTo("DELETE /api/v1/partners/me/termination");
		assertThat(entry.body().path("status").asInt()).isEqualTo(403);
	}

	@Test
	void readsAnonymousWritesAndInvalidTokensAreNotRecorded() {
		String partnerId = unique("p");
		String loginId = unique("admin");
		String marker = unique("marker");
		gateway().as(TestTokens.partnerAdmin(partnerId, loginId)).get("/api/v1/partners/me");
		gateway().post("/api/v1/registrations", "{}");
		gateway().as(TestTokens.expired(partnerId)).patch("/api/v1/partners/me", "{}");
		gateway().as(TestTokens.signedWithForeignKey(partnerId)).patch("/api/v1/partners/me", "{}");
		gateway().as(TestTokens.partnerAdmin(partnerId, marker)).post("/api/v1/terms/acceptances", "{}");

		TopicProbe.await(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, marker));
		assertThat(TopicProbe.all(EventType.AUDIT_RECORDED.topic(),
				(e) -> partnerId.equals(e.key()) && !marker.equals(e.body().path("loginId").asString())))
			.isEmpty();
	}

	/** A later write by the same ID is recorded, and the first still only once. */
	private void assertOnlyOne(String loginId, String token) {
		gateway().as(token).post("/api/v1/terms/acceptances", "{}");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TopicProbe.all(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, loginId)).size() >= 2);
		assertThat(TopicProbe.all(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, loginId)))
			.extracting((e) -> e.body().path("action").asString())
			.containsExactlyInAnyOrder(TopicProbe.all(EventType.AUDIT_RECORDED.topic(), (e) -> of(e, loginId))
				.get(0)
				.body()
				.path("action")
				.asString(), "POST /api/v1/terms/acceptances");
	}

	private static boolean of(TopicProbe.Event event, String loginId) {
		return loginId.equals(event.body().path("loginId").asString());
	}
}
