package jp.nop.cx.enforcement.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.ExcessiveLoadDetected;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 7.1(3): the gateway's load reports open one AUTOMATED case per partner and impose nothing. */
class ExcessiveLoadIT extends EnforcementIT {

	@Test
	void sustainedLoadOpensOneAutomatedCaseWithoutAMeasureAndRedeliveriesAreHarmless() {
		String partnerId = approvedPartner();
		String first = UUID.randomUUID().toString();

		report(partnerId, first);
		report(partnerId, first);
		report(partnerId, UUID.randomUUID().toString());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode cases = operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json();
			assertThat(cases.path("total").asLong()).isEqualTo(1);
			String caseId = cases.path("items").get(0).path("id").asString();
			assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("detectionCount").asLong())
				.isEqualTo(2);
		});
		JsonNode summary = operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json().path("items")
			.get(0);
		JsonNode kase = operator().get("/api/v1/enforcement/cases/" + summary.path("id").asString()).json();
		assertThat(kase.path("origin").asString()).isEqualTo("AUTOMATED");
		assertThat(kase.path("category").asString()).isEqualTo("EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS");
		assertThat(kase.path("status").asString()).isEqualTo("OPEN");
		assertThat(kase.path("measures")).isEmpty();
		assertThat(kase.path("detections")).hasSize(2);
		assertThat(kase.path("detections").get(0).path("rejectedRequests").asLong()).isEqualTo(4200);
		assertThat(operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").text("status"))
			.isEqualTo("GOOD");
		assertThat(TopicProbe.all(EventType.PARTNER_STANDING.topic(), (e) -> partnerId.equals(e.key()))).isEmpty();
	}

	@Test
	void anOperatorDecidesOnTheAutomatedCase() {
		String partnerId = approvedPartner();
		report(partnerId, UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId + "&status=OPEN")
				.json()
				.path("total")
				.asLong() == 1);
		String caseId = operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json().path("items").get(0)
			.path("id").asString();

		assertThat(impose(caseId, java.util.Map.of("type", "THROTTLE", "requestsPerSecond", 5, "note",
				"過重な負荷のため毎秒5リクエストに制限します。")).status()).isEqualTo(201);

		awaitStanding(partnerId, "THROTTLED");
	}

	private static void report(String partnerId, String ceId) {
		Instant now = Instant.now();
		TopicProbe.publish(EventType.EXCESSIVE_LOAD_DETECTED.topic(), partnerId, ceId,
				EventType.EXCESSIVE_LOAD_DETECTED.ceType(), new ExcessiveLoadDetected(partnerId, "203.0.113.7",
						now.minusSeconds(60), now, 4200, 20, now));
	}
}
