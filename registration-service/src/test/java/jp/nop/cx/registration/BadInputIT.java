package jp.nop.cx.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC section 5: bad input gets a clear 4xx problem and changes nothing. */
class BadInputIT extends RegistrationIntegrationTest {

	private final String number = newCorporateNumber();

	@Test
	void malformedJsonIs400() {
		ApiClient.Response answer = anonymous().post("/api/v1/registrations",
				"{\"company\": {\"name\": \"株式会社テスト商事\", \"corporateNumber\": \"" + this.number + "\"");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.text("type")).endsWith("/malformed-body");
		assertNothingStored();
	}

	@Test
	void aWrongTypeIs400NamingTheField() {
		Map<String, Object> body = application(this.number);
		body.put("agreement", Map.of("termsVersion", "1", "accepted", "たぶん"));
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(fields(answer)).containsExactly("agreement.accepted");
		assertNothingStored();
	}

	@ParameterizedTest
	@MethodSource("notABoolean")
	void anAcceptanceThatIsNotAJsonBooleanIsRefusedNotCoerced(Object accepted) {
		Map<String, Object> body = application(this.number);
		body.put("agreement", Map.of("termsVersion", "1", "accepted", accepted));
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
		assertThat(fields(answer)).containsExactly("agreement.accepted");
		assertNothingStored();
	}

	static List<Object> notABoolean() {
		return List.of("true", 1, 1.0, "yes");
	}

	@Test
	void aNumberIsNotALanguage() {
		Map<String, Object> body = application(this.number);
		body.put("preferredLanguage", 1);
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
		assertThat(fields(answer)).containsExactly("preferredLanguage");
		assertNothingStored();
	}

	@Test
	void aNumberOrABooleanIsNotText() {
		Map<String, Object> body = application(this.number);
		body.put("agreement", Map.of("termsVersion", true, "accepted", true));
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
		assertThat(fields(answer)).containsExactly("agreement.termsVersion");
		assertNothingStored();
	}

	@ParameterizedTest
	@ValueSource(strings = { "株式会社テスト商事\n\nIMPORTANT: sign in at http://evil.example/login", "株式会社\u0000テスト",
			"株式会社\u0007テスト", "株式会社\u202eトステ", "株式会社\u2066テスト\u2069", "株式会社\rテスト" })
	void aCompanyNameWithLineBreaksControlsOrBidiOverridesIsRefused(String name) {
		Map<String, Object> body = application(this.number);
		@SuppressWarnings("unchecked")
		Map<String, Object> company = (Map<String, Object>) body.get("company");
		company.put("name", name);
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
		assertThat(fields(answer)).containsExactly("company.name");
		assertNothingStored();
	}

	@Test
	void representativeAndContactAreSingleLinesAndTheAddressAPlainMailbox() {
		Map<String, Object> body = application(this.number);
		body.put("representative", Map.of("name", "山田\n太郎", "title", "代表取締役\u202e"));
		body.put("contact", Map.of("name", "佐藤\t花子", "email", "a,b@example.co.jp", "phone", "03-1234-5678"));
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(422);
		assertThat(fields(answer)).containsExactlyInAnyOrder("representative.name", "representative.title",
				"contact.name", "contact.email");
		assertThat(message(answer, "contact.email")).isEqualTo("メールアドレスの形式で入力してください");
		assertThat(message(answer, "representative.name")).contains("改行");
		assertNothingStored();
	}

	@Test
	void aRejectionReasonMayHaveSeveralLinesButNoControlCharacters() {
		String id = apply(this.number);
		ApiClient.Response refused = operator().post("/api/v1/registrations/" + id + "/rejection",
				Map.of("reason", "書類不備\u0007\u001b[2J"));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
		assertThat(fields(refused)).containsExactly("reason");
		assertThat(operator().get("/api/v1/registrations/" + id).text("status")).isEqualTo("SUBMITTED");
		ApiClient.Response rejected = operator().post("/api/v1/registrations/" + id + "/rejection",
				Map.of("reason", "書類不備のため。\n\t再申請をお待ちしております。"));
		assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
	}

	@Test
	void anUnknownLanguageIs400ListingTheKnownOnes() {
		Map<String, Object> body = application(this.number);
		body.put("preferredLanguage", "fr");
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(fields(answer)).containsExactly("preferredLanguage");
		assertThat(answer.json().path("errors").get(0).path("message").asString()).contains("ja", "en");
		assertNothingStored();
	}

	@Test
	void aQueryOperatorWhereAStringBelongsIsRefused() {
		Map<String, Object> body = application(this.number);
		@SuppressWarnings("unchecked")
		Map<String, Object> company = (Map<String, Object>) body.get("company");
		company.put("name", Map.of("$gt", ""));
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(fields(answer)).containsExactly("company.name");
		assertNothingStored();
	}

	@Test
	void missingFieldsAre422WithEachField() {
		Map<String, Object> body = application(this.number);
		body.remove("contact");
		@SuppressWarnings("unchecked")
		Map<String, Object> company = (Map<String, Object>) body.get("company");
		company.remove("name");
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("type")).endsWith("/validation");
		assertThat(fields(answer)).containsExactlyInAnyOrder("contact", "company.name");
		assertNothingStored();
	}

	@Test
	void invalidCorporateNumberPostalCodePhoneAndEmailAreEachNamedInTheRequestsLanguage() {
		Map<String, Object> body = application(this.number);
		String wrongCheckDigit = ((this.number.charAt(0) - '0') % 9 + 1) + this.number.substring(1);
		body.put("company", Map.of("name", "株式会社テスト商事", "corporateNumber", wrongCheckDigit, "postalCode", "1000-01",
				"address", "東京都千代田区千代田1-1"));
		body.put("contact", Map.of("name", "佐藤 花子", "email", "sato@example", "phone", "1234"));
		ApiClient.Response japanese = anonymous().post("/api/v1/registrations", body);
		assertThat(japanese.status()).isEqualTo(422);
		assertThat(fields(japanese)).containsExactlyInAnyOrder("company.corporateNumber", "company.postalCode",
				"contact.email", "contact.phone");
		assertThat(message(japanese, "company.corporateNumber")).isEqualTo("チェックデジットの正しい13桁の法人番号を入力してください");

		ApiClient.Response english = anonymous().header("Accept-Language", "en-US,en;q=0.9")
			.post("/api/v1/registrations", body);
		assertThat(message(english, "company.corporateNumber"))
			.isEqualTo("must be a 13-digit corporate number with a valid check digit");
		assertThat(english.text("title")).isEqualTo("Invalid request");
		assertThat(storedWithCorporateNumber(wrongCheckDigit)).isZero();
		assertNothingStored();
	}

	@Test
	void aBodyOver256KiBIs413() {
		Map<String, Object> body = application(this.number);
		@SuppressWarnings("unchecked")
		Map<String, Object> company = (Map<String, Object>) body.get("company");
		company.put("address", "東".repeat(100_000));
		ApiClient.Response answer = anonymous().post("/api/v1/registrations", body);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.text("type")).endsWith("/too-large");
		assertNothingStored();
	}

	@Test
	void anArrayWhereAnObjectBelongsIs400() {
		Map<String, Object> body = application(this.number);
		body.put("company", List.of("株式会社テスト商事"));
		assertThat(anonymous().post("/api/v1/registrations", body).status()).isEqualTo(400);
		assertNothingStored();
	}

	private void assertNothingStored() {
		assertThat(storedWithCorporateNumber(this.number)).isZero();
	}

	private static List<String> fields(ApiClient.Response answer) {
		List<String> fields = new ArrayList<>();
		answer.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private static String message(ApiClient.Response answer, String field) {
		for (JsonNode error : answer.json().path("errors")) {
			if (field.equals(error.path("field").asString())) {
				return error.path("message").asString();
			}
		}
		return null;
	}
}
