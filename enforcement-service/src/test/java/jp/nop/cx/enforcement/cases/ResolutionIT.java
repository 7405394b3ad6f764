package jp.nop.cx.enforcement.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 7.3 and 7.5: measures stay until the resolution, which lifts them now or at the agreed time. */
class ResolutionIT extends EnforcementIT {

	@Test
	void aResolutionWithoutResumptionTimeLiftsTheMeasuresNow() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		String measureId = impose(caseId,
				Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面停止")).text("id");
		awaitStanding(partnerId, "SUSPENDED");

		ApiClient.Response resolved = operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution",
				Map.of("note", "是正を確認したため措置を解除します。"));

		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.text("status")).isEqualTo("RESOLVED");
		TopicProbe.Event reinstated = TopicProbe.await(EventType.PARTNER_REINSTATED.topic(),
				(e) -> caseId.equals(e.body().path("caseId").asString()));
		assertThat(reinstated.key()).isEqualTo(partnerId);
		assertThat(reinstated.body().path("measureIds").get(0).asString()).isEqualTo(measureId);
		awaitStanding(partnerId, "GOOD");
		JsonNode kase = operator().get("/api/v1/enforcement/cases/" + caseId).json();
		assertThat(kase.path("measures").get(0).path("active").asBoolean()).isFalse();
		assertThat(kase.path("history").findValuesAsString("action")).containsExactly("OPENED", "MEASURE_IMPOSED",
				"RESOLVED", "MEASURES_LIFTED");

		ApiClient.Response again = operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution",
				Map.of("note", "二度目"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("type")).isEqualTo("https://cx.nop.jp/problems/case-resolved");
	}

	@Test
	void measuresLiftAtTheAgreedResumptionTimeWithoutAnyoneActing() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面停止"));
		awaitStanding(partnerId, "SUSPENDED");
		Instant resumeAt = this.clock.instant().plus(Duration.ofHours(1));

		ApiClient.Response resolved = operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution",
				Map.of("resumeAt", resumeAt.toString(), "note", "協議により再開日を定めました。"));

		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.json().path("resolution").path("liftedAt").isNull()).isTrue();
		// Art. 7.3: until then the suspension stays in force.
		assertThat(operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").text("status"))
			.isEqualTo("SUSPENDED");

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));

		TopicProbe.Event reinstated = TopicProbe.await(EventType.PARTNER_REINSTATED.topic(),
				(e) -> caseId.equals(e.body().path("caseId").asString()));
		assertThat(reinstated.body().path("measureIds")).hasSize(1);
		awaitStanding(partnerId, "GOOD");
		await().untilAsserted(() -> assertThat(
				operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").text("status"))
			.isEqualTo("GOOD"));
		assertThat(TopicProbe.all(EventType.PARTNER_REINSTATED.topic(),
				(e) -> caseId.equals(e.body().path("caseId").asString()))).hasSize(1);
	}

	@Test
	void aResumptionTimeInThePastIsRefusedAndNothingChanges() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "WARNING", "note", "警告"));

		ApiClient.Response refused = operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution",
				Map.of("resumeAt", this.clock.instant().minusSeconds(60).toString(), "note", "過去の再開日"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("resumeAt");
		JsonNode kase = operator().get("/api/v1/enforcement/cases/" + caseId).json();
		assertThat(kase.path("status").asString()).isEqualTo("OPEN");
		assertThat(kase.path("measures").get(0).path("active").asBoolean()).isTrue();
	}

	@Test
	void aResolutionNeedsANote() {
		String caseId = openCase(approvedPartner());

		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution", Map.of()).status())
			.isEqualTo(422);
		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).text("status")).isEqualTo("OPEN");
	}
}
