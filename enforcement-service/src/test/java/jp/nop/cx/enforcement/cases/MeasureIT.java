package jp.nop.cx.enforcement.cases;

import java.util.List;
import java.util.Map;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 7.2 over HTTP and Kafka: each measure publishes its event and the partner's new standing. */
class MeasureIT extends EnforcementIT {

	@Test
	void aWarningPublishesPartnerWarnedAndAWarnedStanding() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response imposed = impose(caseId, Map.of("type", "WARNING", "note", "第7条第1項第1号に該当するため警告します。"));

		assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
		String measureId = imposed.text("id");
		assertThat(imposed.text("type")).isEqualTo("WARNING");
		assertThat(imposed.json().path("active").asBoolean()).isTrue();
		TopicProbe.Event warned = TopicProbe.await(EventType.PARTNER_WARNED.topic(),
				(e) -> measureId.equals(e.body().path("measureId").asString()));
		assertThat(warned.key()).isEqualTo(partnerId);
		assertThat(warned.ceType()).isEqualTo(EventType.PARTNER_WARNED.ceType());
		assertThat(warned.body().path("caseId").asString()).isEqualTo(caseId);
		assertThat(warned.body().path("category").asString()).isEqualTo("TERMS_VIOLATION");
		assertThat(warned.body().path("note").asString()).isEqualTo("第7条第1項第1号に該当するため警告します。");
		TopicProbe.Event standing = awaitStanding(partnerId, "WARNED");
		assertThat(standing.body().path("activeMeasures").get(0).path("measureId").asString()).isEqualTo(measureId);
		assertThat(operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").text("status"))
			.isEqualTo("WARNED");
	}

	@Test
	void aWarningMayNameTheCapabilitiesItConcernsAndTheEventCarriesThem() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response imposed = impose(caseId, Map.of("type", "WARNING",
				"scope", Map.of("capabilities", List.of("webhooks", "export")), "note", "Webhook の再送が過剰です。"));

		assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
		TopicProbe.Event warned = TopicProbe.await(EventType.PARTNER_WARNED.topic(),
				(e) -> imposed.text("id").equals(e.body().path("measureId").asString()));
		assertThat(warned.body().path("all").asBoolean()).isFalse();
		assertThat(warned.body().path("capabilities").toString()).isEqualTo("[\"webhooks\",\"export\"]");
		// A warning restricts nothing: the standing is WARNED, with no capability suspended.
		TopicProbe.Event standing = awaitStanding(partnerId, "WARNED");
		assertThat(standing.body().path("suspendedAll").asBoolean()).isFalse();
		assertThat(standing.body().path("suspendedCapabilities")).isEmpty();

		ApiClient.Response whole = impose(openCase(partnerId), Map.of("type", "WARNING", "note", "全体への警告"));
		TopicProbe.Event warnedWhole = TopicProbe.await(EventType.PARTNER_WARNED.topic(),
				(e) -> whole.text("id").equals(e.body().path("measureId").asString()));
		assertThat(warnedWhole.body().path("all").asBoolean()).isTrue();
		assertThat(warnedWhole.body().path("capabilities")).isEmpty();
	}

	@Test
	void aSuspensionOfAllNeedsNoPriorWarning() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response imposed = impose(caseId,
				Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面的に利用を停止します。"));

		assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
		TopicProbe.Event suspended = TopicProbe.await(EventType.PARTNER_SUSPENDED.topic(),
				(e) -> imposed.text("id").equals(e.body().path("measureId").asString()));
		assertThat(suspended.key()).isEqualTo(partnerId);
		assertThat(suspended.body().path("all").asBoolean()).isTrue();
		TopicProbe.Event standing = awaitStanding(partnerId, "SUSPENDED");
		assertThat(standing.body().path("suspendedAll").asBoolean()).isTrue();
		assertThat(TopicProbe.all(EventType.PARTNER_WARNED.topic(), (e) -> partnerId.equals(e.key()))).isEmpty();
	}

	@Test
	void aPartialSuspensionNamesItsCapabilities() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response imposed = impose(caseId, Map.of("type", "SUSPENSION", "scope",
				Map.of("capabilities", List.of("export", "webhooks")), "note", "エクスポートとWebhookの利用を停止します。"));

		assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
		assertThat(strings(imposed.json().path("scope").path("capabilities"))).containsExactly("webhooks", "export");
		TopicProbe.Event suspended = TopicProbe.await(EventType.PARTNER_SUSPENDED.topic(),
				(e) -> imposed.text("id").equals(e.body().path("measureId").asString()));
		assertThat(suspended.body().path("all").asBoolean()).isFalse();
		assertThat(strings(suspended.body().path("capabilities"))).containsExactly("webhooks", "export");
		TopicProbe.Event standing = awaitStanding(partnerId, "PARTIALLY_SUSPENDED");
		assertThat(strings(standing.body().path("suspendedCapabilities"))).containsExactly("webhooks", "export");
		JsonNode view = operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").json();
		assertThat(strings(view.path("suspendedCapabilities"))).containsExactly("webhooks", "export");
	}

	@Test
	void aThrottlePublishesItsRateAndTheLowestRateApplies() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response first = impose(caseId,
				Map.of("type", "THROTTLE", "requestsPerSecond", 10, "note", "毎秒10リクエストに制限します。"));
		ApiClient.Response second = impose(caseId,
				Map.of("type", "THROTTLE", "requestsPerSecond", 2, "note", "毎秒2リクエストに制限します。"));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		TopicProbe.Event throttled = TopicProbe.await(EventType.PARTNER_THROTTLED.topic(),
				(e) -> second.text("id").equals(e.body().path("measureId").asString()));
		assertThat(throttled.body().path("requestsPerSecond").asInt()).isEqualTo(2);
		TopicProbe.Event standing = TopicProbe.await(EventType.PARTNER_STANDING.topic(),
				(e) -> partnerId.equals(e.key()) && e.body().path("activeMeasures").size() == 2);
		assertThat(standing.body().path("status").asString()).isEqualTo("THROTTLED");
		assertThat(standing.body().path("throttleRequestsPerSecond").asInt()).isEqualTo(2);
	}

	@Test
	void anOtherMeasureIsRecordedAndShownButPublishesNoMeasureEvent() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response imposed = impose(caseId, Map.of("type", "OTHER", "note", "担当者との面談を求めます。"));

		assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
		// The standing (GOOD, with the measure listed) comes out of the same write as any measure
		// event would have, and after it: once it is there, nothing else was published.
		TopicProbe.Event standing = TopicProbe.await(EventType.PARTNER_STANDING.topic(),
				(e) -> partnerId.equals(e.key()) && e.body().path("activeMeasures").size() == 1);
		assertThat(standing.body().path("status").asString()).isEqualTo("GOOD");
		for (EventType type : List.of(EventType.PARTNER_WARNED, EventType.PARTNER_SUSPENDED,
				EventType.PARTNER_THROTTLED)) {
			assertThat(TopicProbe.all(type.topic(), (e) -> partnerId.equals(e.key()))).isEmpty();
		}
		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("measures").get(0)
			.path("type").asString()).isEqualTo("OTHER");
	}

	@Test
	void badMeasuresAreRefusedAndNothingIsStoredOrPublished() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		assertRefused(impose(caseId, Map.of("type", "BAN", "note", "x")), 400, "type");
		assertRefused(impose(caseId, Map.of("type", "SUSPENSION", "note", "範囲なし")), 422, "scope");
		assertRefused(impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("capabilities", List.of("billing")),
				"note", "不明な機能")), 422, "scope.capabilities[0]");
		assertRefused(impose(caseId, Map.of("type", "SUSPENSION",
				"scope", Map.of("all", true, "capabilities", List.of("export")), "note", "両方")), 422, "scope");
		assertRefused(impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("all", false), "note", "どちらもなし")),
				422, "scope");
		assertRefused(impose(caseId, Map.of("type", "THROTTLE", "note", "上限なし")), 422, "requestsPerSecond");
		assertRefused(impose(caseId, Map.of("type", "THROTTLE", "requestsPerSecond", 0, "note", "ゼロ")), 422,
				"requestsPerSecond");
		assertRefused(impose(caseId, Map.of("type", "WARNING")), 422, "note");

		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("measures")).isEmpty();
		assertThat(TopicProbe.all(EventType.PARTNER_STANDING.topic(), (e) -> partnerId.equals(e.key()))).isEmpty();
	}

	@Test
	void aResolvedCaseTakesNoMoreMeasures() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution", Map.of("note", "解決"))
			.status()).isEqualTo(200);

		ApiClient.Response refused = impose(caseId, Map.of("type", "WARNING", "note", "遅れた警告"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/case-resolved");
		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("measures")).isEmpty();
	}

	private static void assertRefused(ApiClient.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().path("errors").findValuesAsString("field")).as(response.toString()).contains(field);
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}
}
