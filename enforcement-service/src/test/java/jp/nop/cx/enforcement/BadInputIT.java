package jp.nop.cx.enforcement;

import java.util.Map;

import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC 5, strict input: wrong JSON types and unsafe text are refused, nothing is stored. */
class BadInputIT extends EnforcementIT {

	@ParameterizedTest
	@ValueSource(strings = { "1", "true", "1.5" })
	void aCategoryMustBeOneOfTheNamesNotANumberOrABoolean(String category) {
		String partnerId = approvedPartner();
		ApiClient.Response refused = operator().post("/api/v1/enforcement/cases",
				"{\"partnerId\": \"" + partnerId + "\", \"category\": " + category + ", \"description\": \"妨害\"}");
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("category");
		assertNothingStoredFor(partnerId);
	}

	@Test
	void aNumberIsNotADescription() {
		String partnerId = approvedPartner();
		ApiClient.Response refused = operator().post("/api/v1/enforcement/cases",
				"{\"partnerId\": \"" + partnerId + "\", \"category\": \"MALWARE\", \"description\": 42}");
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("description");
		assertNothingStoredFor(partnerId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "警告\u0000", "警告\u0007", "警告\u001b[2J", "\u202e告警", "警告\u2066x\u2069" })
	void textsThatEndUpInNoticesRefuseControlCharactersAndBidiOverrides(String text) {
		String partnerId = approvedPartner();
		ApiClient.Response refused = operator().post("/api/v1/enforcement/cases",
				Map.of("partnerId", partnerId, "category", "MALWARE", "description", text, "evidence", text));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
		assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("description",
				"evidence");
		assertNothingStoredFor(partnerId);

		String caseId = openCase(partnerId);
		ApiClient.Response measure = operator().post("/api/v1/enforcement/cases/" + caseId + "/measures",
				Map.of("type", "WARNING", "note", text));
		assertThat(measure.status()).as(measure.raw()).isEqualTo(422);
		assertThat(measure.json().path("errors").get(0).path("field").asString()).isEqualTo("note");
		ApiClient.Response resolution = operator().post("/api/v1/enforcement/cases/" + caseId + "/resolution",
				Map.of("note", text));
		assertThat(resolution.status()).as(resolution.raw()).isEqualTo(422);
		assertThat(operator().get("/api/v1/enforcement/cases/" + caseId).json().path("measures")).isEmpty();
	}

	@Test
	void notesMayHaveSeveralLinesAndTabs() {
		String caseId = openCase(approvedPartner());
		ApiClient.Response measure = operator().post("/api/v1/enforcement/cases/" + caseId + "/measures",
				Map.of("type", "WARNING", "note", "第7条第2項に基づき警告します。\n\t- 過剰なアクセス\r\n\t- 逆コンパイル"));
		assertThat(measure.status()).as(measure.raw()).isEqualTo(201);
	}

	private void assertNothingStoredFor(String partnerId) {
		assertThat(operator().get("/api/v1/enforcement/cases?partnerId=" + partnerId).json().path("total").asLong())
			.isZero();
	}
}
