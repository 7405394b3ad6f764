package jp.nop.cx.enforcement.cases;

import java.util.Map;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 7.1 and 7.6 over HTTP: opening, reading and listing cases, claiming damages, refusing bad input. */
class CaseIT extends EnforcementIT {

	@Test
	void anOperatorOpensACaseAgainstAnApprovedPartner() {
		String partnerId = approvedPartner();

		ApiClient.Response created = operator().post("/api/v1/enforcement/cases",
				Map.of("partnerId", partnerId, "category", "REVERSE_ENGINEERING", "description", "提供プログラムの逆コンパイルの形跡",
						"evidence", "解析ツールのUser-Agentによるアクセス記録"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.text("id");
		assertThat(created.header("Location")).isEqualTo("/api/v1/enforcement/cases/" + id);
		assertThat(created.text("partnerId")).isEqualTo(partnerId);
		assertThat(created.text("category")).isEqualTo("REVERSE_ENGINEERING");
		assertThat(created.text("article")).isEqualTo("Art. 7.1(7)");
		assertThat(created.text("status")).isEqualTo("OPEN");
		assertThat(created.text("origin")).isEqualTo("MANUAL");

		ApiClient.Response read = operator().get("/api/v1/enforcement/cases/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.text("evidence")).isEqualTo("解析ツールのUser-Agentによるアクセス記録");
		JsonNode history = read.json().path("history");
		assertThat(history).hasSize(1);
		assertThat(history.get(0).path("action").asString()).isEqualTo("OPENED");
		assertThat(history.get(0).path("by").asString()).isEqualTo("operator");
	}

	@Test
	void casesAreListedByPartnerAndStatusNewestFirst() {
		String partnerId = approvedPartner();
		String older = openCase(partnerId);
		String resolved = openCase(partnerId);
		operator().post("/api/v1/enforcement/cases/" + resolved + "/resolution", Map.of("note", "事実確認の結果、違反なし"));
		this.clock.advance(java.time.Duration.ofSeconds(1));
		String newer = openCase(partnerId);

		JsonNode all = operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json();
		assertThat(all.path("total").asLong()).isEqualTo(3);
		assertThat(all.path("items").get(0).path("id").asString()).isEqualTo(newer);

		JsonNode open = operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId + "&status=OPEN").json();
		assertThat(open.path("items").findValuesAsString("id")).containsExactlyInAnyOrder(older, newer);

		JsonNode page = operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId + "&size=1&page=1").json();
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("total").asLong()).isEqualTo(3);

		assertThat(operator().get("/api/v1/enforcement/cases?status=CLOSED").status()).isEqualTo(400);
		assertThat(operator().get("/api/v1/enforcement/cases?size=1000").status()).isEqualTo(422);
	}

	@Test
	void anUnknownCategoryIsRefusedNamingTheFieldAndNothingIsStored() {
		String partnerId = approvedPartner();

		ApiClient.Response refused = operator().post("/api/v1/enforcement/cases",
				Map.of("partnerId", partnerId, "category", "SPAM", "description", "迷惑行為"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("category");
		assertThat(operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json().path("total").asLong())
			.isZero();
	}

	@Test
	void aCaseAgainstAnUnknownPartnerIsRefusedAndNothingIsStored() {
		ApiClient.Response refused = operator().post("/api/v1/enforcement/cases",
				Map.of("partnerId", "p-nobody", "category", "MALWARE", "description", "マルウェアの送信"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("partnerId");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/unknown-partner");
		assertThat(this.mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is("p-nobody")),
				"enforcement_records"))
			.isFalse();
	}

	@Test
	void missingOrMalformedFieldsAreRefused() {
		String partnerId = approvedPartner();

		assertThat(operator().post("/api/v1/enforcement/cases", Map.of("partnerId", partnerId, "category", "MALWARE"))
			.status()).isEqualTo(422);
		assertThat(operator().post("/api/v1/enforcement/cases",
				Map.of("partnerId", Map.of("$gt", ""), "category", "MALWARE", "description", "x"))
			.status()).isEqualTo(400);
		assertThat(operator().post("/api/v1/enforcement/cases", "{\"partnerId\":").status()).isEqualTo(400);
		assertThat(operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json().path("total").asLong())
			.isZero();
	}

	@Test
	void damagesClaimedAreRecordedOnTheCase() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);

		ApiClient.Response claimed = operator().post("/api/v1/enforcement/cases/" + caseId + "/damage-claims",
				Map.of("amount", 1_200_000, "description", "障害対応の人件費（第7条第6項）"));

		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
		assertThat(claimed.json().path("amount").asLong()).isEqualTo(1_200_000);
		assertThat(claimed.text("currency")).isEqualTo("JPY");
		JsonNode kase = operator().get("/api/v1/enforcement/cases/" + caseId).json();
		assertThat(kase.path("damageClaims").get(0).path("id").asString()).isEqualTo(claimed.text("id"));
		assertThat(kase.path("history").findValuesAsString("action")).contains("DAMAGES_CLAIMED");
	}

	@Test
	void aDamageClaimIsAWholeNonNegativeNumberOfYen() {
		String caseId = openCase(approvedPartner());

		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/damage-claims",
				"{\"amount\": 1.5, \"description\": \"端数\"}").status()).isEqualTo(422);
		assertThat(operator().post("/api/v1/enforcement/cases/" + caseId + "/damage-claims",
				Map.of("amount", -1, "description", "負の額")).status()).isEqualTo(422);
		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("damageClaims")).isEmpty();
	}

	@Test
	void anUnknownCaseIsNotFound() {
		ApiClient.Response missing = operator().get("/api/v1/enforcement/cases/no-such-case");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("type")).isEqualTo("https://cx.nop.jp/problems/not-found");
		assertThat(operator().post("/api/v1/enforcement/cases/no-such-case/measures",
				Map.of("type", "WARNING", "note", "警告")).status()).isEqualTo(404);
	}
}
