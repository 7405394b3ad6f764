package jp.nop.cx.enforcement.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Art. 7.5: resumption by consultation. The partner sees its own cases without NOP's internal
 * material, proposes a time with a statement that the cause is removed; NOP agrees (the measures
 * lift at that time) or declines with a reason and may then decide alone.
 */
class ConsultationIT extends EnforcementIT {

	private static final String INTERNAL = "社内メモ: 法務確認済み、再発時は即時停止";

	@Test
	void thePartnerProposesTheOperatorAgreesAndTheMeasuresLiftAtTheProposedTime() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面停止します",
				"internalNote", INTERNAL));
		awaitStanding(partnerId, "SUSPENDED");
		Instant proposedAt = this.clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

		ApiClient.Response proposed = partnerAdmin(partnerId).post(
				"/api/v1/enforcement/me/cases/" + caseId + "/proposals",
				Map.of("statement", "原因となった連携プログラムを停止し、再発防止策を講じました。", "proposedResumeAt",
						proposedAt.toString()));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(proposed.text("status")).isEqualTo("PENDING");
		String proposalId = proposed.text("id");

		// The operator is told (notification-service alerts on this event).
		TopicProbe.Event proposal = TopicProbe.await(EventType.RESUMPTION_PROPOSED.topic(),
				(e) -> proposalId.equals(e.body().path("proposalId").asString()));
		assertThat(proposal.key()).isEqualTo(partnerId);
		assertThat(proposal.ceType()).isEqualTo("jp.nop.cx.enforcement.resumption-proposed.v1");
		assertThat(proposal.body().path("caseId").asString()).isEqualTo(caseId);
		assertThat(Instant.parse(proposal.body().path("proposedResumeAt").asString())).isEqualTo(proposedAt);
		assertThat(proposal.body().path("statement").asString()).contains("再発防止策");

		ApiClient.Response agreed = operator().post(
				"/api/v1/enforcement/cases/" + caseId + "/proposals/" + proposalId + "/agreement",
				Map.of("note", "ご提案の日時に再開します。", "internalNote", "部長承認済み"));
		assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
		assertThat(agreed.text("status")).isEqualTo("RESOLVED");
		assertThat(Instant.parse(agreed.json().path("resolution").path("resumeAt").asString())).isEqualTo(proposedAt);
		assertThat(agreed.json().path("resolution").path("proposalId").asString()).isEqualTo(proposalId);

		// The partner is told (notification-service sends mail and inbox on this event).
		TopicProbe.Event decided = TopicProbe.await(EventType.RESUMPTION_DECIDED.topic(),
				(e) -> proposalId.equals(e.body().path("proposalId").asString()));
		assertThat(decided.key()).isEqualTo(partnerId);
		assertThat(decided.body().path("outcome").asString()).isEqualTo("AGREED");
		assertThat(Instant.parse(decided.body().path("resumeAt").asString())).isEqualTo(proposedAt);
		assertThat(decided.body().path("reason").asString()).isEqualTo("ご提案の日時に再開します。");

		// Art. 7.3: until the agreed time the suspension stays.
		this.clock.advance(Duration.ofHours(1));
		assertThat(operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").text("status"))
			.isEqualTo("SUSPENDED");
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		TopicProbe.Event reinstated = TopicProbe.await(EventType.PARTNER_REINSTATED.topic(),
				(e) -> caseId.equals(e.body().path("caseId").asString()));
		assertThat(reinstated.key()).isEqualTo(partnerId);
		await().untilAsserted(() -> assertThat(
				operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").text("status"))
			.isEqualTo("GOOD"));

		JsonNode kase = operator().get("/api/v1/enforcement/cases/" + caseId).json();
		assertThat(kase.path("history").findValuesAsString("action")).containsExactly("OPENED", "MEASURE_IMPOSED",
				"RESUMPTION_PROPOSED", "RESUMPTION_AGREED", "RESOLVED", "MEASURES_LIFTED");
		assertThat(kase.path("proposals").get(0).path("status").asString()).isEqualTo("AGREED");
		assertThat(kase.path("proposals").get(0).path("internalNote").asString()).isEqualTo("部長承認済み");
		assertThat(kase.path("measures").get(0).path("internalNote").asString()).isEqualTo(INTERNAL);

		JsonNode seen = partnerMember(partnerId).get("/api/v1/enforcement/me/cases/" + caseId).json();
		assertThat(seen.path("proposals").get(0).path("status").asString()).isEqualTo("AGREED");
		assertThat(seen.path("resolution").path("liftedAt").isNull()).isFalse();
		assertThat(seen.toString()).doesNotContain(INTERNAL).doesNotContain("部長承認済み");
	}

	@Test
	void aProposalOnAResolvedCaseIsAConflictAndNothingIsRecorded() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "WARNING", "note", "警告"));
		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution", Map.of("note", "解決"))
			.status()).isEqualTo(200);

		ApiClient.Response late = partnerAdmin(partnerId).post("/api/v1/enforcement/me/cases/" + caseId + "/proposals",
				proposal(this.clock.instant().plus(Duration.ofDays(1))));

		assertThat(late.status()).as(late.toString()).isEqualTo(409);
		assertThat(late.text("type")).isEqualTo("https://cx.nop.jp/problems/case-resolved");
		assertThat(late.header("Content-Type")).startsWith("application/problem+json");
		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("proposals")).isEmpty();
	}

	@Test
	void aProposedTimeInThePastIsRefusedAndAnotherPartnersCaseIsNotFound() {
		String partnerId = approvedPartner();
		String other = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("capabilities", List.of("webhooks")), "note",
				"Webhook を停止します"));
		Document before = this.mongo.findById(partnerId, Document.class, "enforcement_records");

		ApiClient.Response past = partnerAdmin(partnerId).post("/api/v1/enforcement/me/cases/" + caseId + "/proposals",
				proposal(this.clock.instant().minusSeconds(60)));
		assertThat(past.status()).as(past.toString()).isEqualTo(422);
		assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("proposedResumeAt");

		ApiClient.Response foreign = partnerAdmin(other).post("/api/v1/enforcement/me/cases/" + caseId + "/proposals",
				proposal(this.clock.instant().plus(Duration.ofDays(1))));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.text("type")).isEqualTo("https://cx.nop.jp/problems/not-found");
		assertThat(partnerAdmin(other).get("/api/v1/enforcement/me/cases/" + caseId).status()).isEqualTo(404);

		ApiClient.Response byMember = partnerMember(partnerId).post(
				"/api/v1/enforcement/me/cases/" + caseId + "/proposals", proposal(this.clock.instant().plusSeconds(600)));
		assertThat(byMember.status()).isEqualTo(403);
		assertThat(partnerAdmin(partnerId).post("/api/v1/enforcement/me/cases/" + caseId + "/proposals",
				Map.of("statement", "日時なし")).status()).isEqualTo(422);

		Document after = this.mongo.findById(partnerId, Document.class, "enforcement_records");
		assertThat(after.get("cases")).isEqualTo(before.get("cases"));
	}

	@Test
	void aPartnerSeesOnlyItsOwnCasesAndNoneOfNopsInternalMaterial() {
		String partnerId = approvedPartner();
		String other = approvedPartner();
		String caseId = openCase(partnerId);
		String othersCase = openCase(other);
		impose(caseId, Map.of("type", "THROTTLE", "requestsPerSecond", 2, "note", "リクエスト数を制限します", "internalNote",
				INTERNAL));

		ApiClient.Response mine = partnerMember(partnerId).get("/api/v1/enforcement/me/cases");

		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.text("partnerId")).isEqualTo(partnerId);
		assertThat(caseIds(mine)).containsExactly(caseId);
		JsonNode kase = mine.json().path("items").get(0);
		assertThat(kase.path("category").asString()).isEqualTo("TERMS_VIOLATION");
		assertThat(kase.path("article").asString()).isEqualTo("Art. 7.1(1)");
		assertThat(kase.path("measures").get(0).path("note").asString()).isEqualTo("リクエスト数を制限します");
		assertThat(kase.path("measures").get(0).path("requestsPerSecond").asInt()).isEqualTo(2);
		// The description, evidence, internal notes and the operators' login IDs stay with NOP.
		assertThat(mine.raw()).doesNotContain(INTERNAL)
			.doesNotContain("利用規約第7条第1項第1号に該当する行為の報告")
			.doesNotContain("アクセスログ抜粋")
			.doesNotContain("internalNote")
			.doesNotContain("evidence")
			.doesNotContain("\"operator\"")
			.doesNotContain(othersCase);
		assertThat(caseIds(partnerAdmin(other).get("/api/v1/enforcement/me/cases"))).containsExactly(othersCase);
		assertThat(operator().get("/api/v1/enforcement/me/cases").status()).isEqualTo(403);
	}

	@Test
	void nopDeclinesWithAReasonAndThenDecidesTheTimeAlone() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面停止"));
		String first = partnerAdmin(partnerId)
			.post("/api/v1/enforcement/me/cases/" + caseId + "/proposals", proposal(this.clock.instant().plusSeconds(600)))
			.text("id");
		ApiClient.Response second = partnerAdmin(partnerId).post(
				"/api/v1/enforcement/me/cases/" + caseId + "/proposals", proposal(this.clock.instant().plusSeconds(900)));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.text("type")).isEqualTo("https://cx.nop.jp/problems/proposal-pending");

		ApiClient.Response noReason = operator().post(
				"/api/v1/enforcement/cases/" + caseId + "/proposals/" + first + "/refusal", Map.of("reason", ""));
		assertThat(noReason.status()).isEqualTo(422);
		ApiClient.Response refused = operator().post(
				"/api/v1/enforcement/cases/" + caseId + "/proposals/" + first + "/refusal",
				Map.of("reason", "再発防止策の説明が不十分です", "internalNote", INTERNAL));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		assertThat(refused.text("status")).isEqualTo("OPEN");
		TopicProbe.Event decided = TopicProbe.await(EventType.RESUMPTION_DECIDED.topic(),
				(e) -> first.equals(e.body().path("proposalId").asString()));
		assertThat(decided.body().path("outcome").asString()).isEqualTo("REFUSED");
		assertThat(decided.body().path("reason").asString()).isEqualTo("再発防止策の説明が不十分です");
		assertThat(decided.body().toString()).doesNotContain(INTERNAL);
		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/proposals/" + first + "/agreement", null)
			.status()).isEqualTo(409);
		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/proposals/nope/agreement", null).status())
			.isEqualTo(404);

		// A second proposal, left unanswered: NOP decides alone (Art. 7.5 last sentence) and it lapses.
		String again = partnerAdmin(partnerId)
			.post("/api/v1/enforcement/me/cases/" + caseId + "/proposals", proposal(this.clock.instant().plusSeconds(600)))
			.text("id");
		Instant decidedTime = this.clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution",
				Map.of("resumeAt", decidedTime.toString(), "note", "協議が調わないため NOP が再開日を定めます。")).status())
			.isEqualTo(200);

		JsonNode kase = operator().get("/api/v1/enforcement/cases/" + caseId).json();
		assertThat(kase.path("proposals").findValuesAsString("status")).containsExactly("REFUSED", "LAPSED");
		assertThat(kase.path("proposals").get(0).path("reason").asString()).isEqualTo("再発防止策の説明が不十分です");
		assertThat(kase.path("history").findValuesAsString("action")).containsExactly("OPENED", "MEASURE_IMPOSED",
				"RESUMPTION_PROPOSED", "RESUMPTION_REFUSED", "RESUMPTION_PROPOSED", "RESUMPTION_LAPSED", "RESOLVED");
		JsonNode seen = partnerAdmin(partnerId).get("/api/v1/enforcement/me/cases/" + caseId).json();
		assertThat(seen.path("proposals").get(0).path("reason").asString()).isEqualTo("再発防止策の説明が不十分です");
		assertThat(seen.path("proposals").get(1).path("id").asString()).isEqualTo(again);
		assertThat(Instant.parse(seen.path("resolution").path("resumeAt").asString())).isEqualTo(decidedTime);
		assertThat(seen.toString()).doesNotContain(INTERNAL);
	}

	private static List<String> caseIds(ApiClient.Response listing) {
		List<String> ids = new ArrayList<>();
		listing.json().path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static Map<String, Object> proposal(Instant at) {
		return Map.of("statement", "原因を取り除きました。", "proposedResumeAt", at.toString());
	}
}
