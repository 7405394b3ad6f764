package jp.nop.cx.test.web;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.RawHttp;
import jp.nop.cx.test.TestTokens;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What every servlet service on the platform answers to bad input and bad tokens (SPEC section 5). */
@CxIntegrationTest(classes = ProblemApp.class, properties = "spring.application.name=problem-it")
class ProblemResponsesIT {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	ApiClient api() {
		return ApiClient.at(this.port);
	}

	@Test
	void malformedJsonIs400Problem() {
		ApiClient.Response response = api().post("/echo", "{\"name\": ");
		assertProblem(response, 400, "malformed-body");
	}

	@Test
	void anObjectWhereAStringBelongsIsRefusedNotPassedOn() {
		ApiClient.Response response = api().post("/echo", "{\"name\": {\"$gt\": \"\"}, \"count\": 1}");
		assertProblem(response, 400, "invalid-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
	}

	@Test
	void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
		ApiClient.Response response = api().post("/echo", "{\"name\": \"a\", \"colour\": \"BLUE\", \"count\": 1}");
		assertProblem(response, 400, "invalid-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("colour");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("RED", "GREEN");
	}

	@Test
	void wrongTypeIs400WithTheField() {
		ApiClient.Response response = api().post("/echo", "{\"name\": \"a\", \"count\": \"many\"}");
		assertProblem(response, 400, "invalid-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("count");
	}

	@Test
	void anUnparseableDateNamesTheField() {
		ApiClient.Response response = api().post("/echo", "{\"name\": \"a\", \"count\": 1, \"on\": \"明日\"}");
		assertProblem(response, 400, "invalid-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("on");
	}

	@Test
	void constraintViolationsAre422WithPerFieldErrors() {
		ApiClient.Response response = api().post("/echo", "{\"name\": \"\", \"count\": 1}");
		assertProblem(response, 422, "validation");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
	}

	@Test
	void bodyOverTheLimitIs413() {
		String big = "{\"name\": \"" + "あ".repeat(100_000) + "\", \"count\": 1}";
		assertProblem(api().post("/echo", big), 413, "too-large");
	}

	@Test
	void titlesFollowTheRequestLanguageJapaneseByDefault() {
		ApiClient.Response ja = api().post("/echo", "{");
		ApiClient.Response en = api().header("Accept-Language", "en-US,en;q=0.9").post("/echo", "{");
		assertThat(ja.json().path("title").asString()).isEqualTo("リクエスト本文を読めません");
		assertThat(en.json().path("title").asString()).isEqualTo("Malformed request body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"name\": 1", "\"name\": true", "\"colour\": 1", "\"subscribed\": \"true\"",
			"\"subscribed\": 1", "\"count\": \"1\"", "\"count\": 1.5", "\"count\": true" })
	void aValueOfTheWrongTypeIsRefusedNeverCoerced(String member) {
		String field = member.substring(1, member.indexOf('"', 1));
		StringBuilder body = new StringBuilder("{").append(member);
		if (!field.equals("name")) {
			body.append(", \"name\": \"a\"");
		}
		if (!field.equals("count")) {
			body.append(", \"count\": 1");
		}
		ApiClient.Response response = api().post("/echo", body.append('}').toString());
		assertProblem(response, 400, "invalid-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	@Test
	void valuesOfTheRightTypeStillPass() {
		ApiClient.Response response = api().post("/echo",
				"{\"name\": \"株式会社テスト\", \"colour\": \"RED\", \"count\": 2, \"subscribed\": true, "
						+ "\"message\": \"一行目\\n\\t二行目\\r\\n三行目\", \"email\": \"tanaka.taro+cx@example.co.jp\"}");
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		assertThat(response.json().path("subscribed").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "株式会社\n\nIMPORTANT: sign in at http://evil.example/login", "a\rb", "a\tb", "a\u0000b",
			"a\u0007b", "a\u007fb", "a\u0085b", "a\u2028b", "abc\u202egpj.exe", "a\u202ab", "a\u2066b", "a\u2069b" })
	void singleLineTextRefusesLineBreaksControlsAndBidiOverrides(String name) {
		ApiClient.Response response = api().post("/echo", Map.of("name", name, "count", 1));
		assertProblem(response, 422, "validation");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "a\u0007b", "a\rb", "a\u001bb", "a\u202eb", "a\u2067b" })
	void multiLineTextRefusesControlsOtherThanLineFeedAndTab(String message) {
		ApiClient.Response response = api().post("/echo", Map.of("name", "a", "count", 1, "message", message));
		assertProblem(response, 422, "validation");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("message");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a,b@x", "a,b@example.jp", "Tanaka <tanaka@example.jp>", "\"t a\"@example.jp",
			"tanaka@[127.0.0.1]", "tanaka@example.jp\nBcc: x@evil.example", "a@b@example.jp", ".a@example.jp",
			"a..b@example.jp", "a@-example.jp", "田中@example.jp", "tanaka@example.jp;x@evil.example" })
	void onlyAPlainMailboxIsAnEmailAddress(String email) {
		ApiClient.Response response = api().post("/echo", Map.of("name", "a", "count", 1, "email", email));
		assertProblem(response, 422, "validation");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
	}

	@Test
	void fieldMessagesAreInTheRequestsLanguageLikeTitleAndDetail() {
		String blank = "{\"name\": \"\", \"count\": 1}";
		ApiClient.Response ja = api().post("/echo", blank);
		ApiClient.Response en = api().header("Accept-Language", "en").post("/echo", blank);
		ApiClient.Response fr = api().header("Accept-Language", "fr-FR").post("/echo", blank);
		assertThat(ja.json().path("title").asString()).isEqualTo("入力内容に誤りがあります");
		assertThat(ja.json().path("errors").get(0).path("message").asString()).isEqualTo("空白は許可されていません");
		assertThat(en.json().path("title").asString()).isEqualTo("Invalid request");
		assertThat(en.json().path("errors").get(0).path("message").asString()).isEqualTo("must not be blank");
		assertThat(fr.json().path("errors").get(0).path("message").asString()).as("unsupported: Japanese")
			.isEqualTo("空白は許可されていません");

		String control = "{\"name\": \"a\\u0007\", \"count\": 1}";
		assertThat(api().post("/echo", control).json().path("errors").get(0).path("message").asString())
			.contains("制御文字");
		assertThat(api().header("Accept-Language", "en").post("/echo", control).json().path("errors").get(0)
			.path("message").asString()).contains("control characters");

		String wrongType = "{\"name\": \"a\", \"count\": 1, \"subscribed\": \"yes\"}";
		ApiClient.Response jaType = api().post("/echo", wrongType);
		ApiClient.Response enType = api().header("Accept-Language", "en").post("/echo", wrongType);
		assertThat(jaType.json().path("detail").asString()).contains("errors");
		assertThat(jaType.json().path("errors").get(0).path("message").asString()).isEqualTo("型が違います（boolean を指定してください）");
		assertThat(enType.json().path("errors").get(0).path("message").asString()).isEqualTo("wrong type: expected boolean");
		String badEnum = "{\"name\": \"a\", \"count\": 1, \"colour\": \"BLUE\"}";
		assertThat(api().post("/echo", badEnum).json().path("errors").get(0).path("message").asString())
			.isEqualTo("[RED, GREEN] のいずれかを指定してください");
	}

	@Test
	void aRuleViolationIsAnsweredWithTheStatusOfItsKindAndTheRuleAsType() {
		Map<String, Integer> statuses = Map.ofEntries(Map.entry("INVALID", 422), Map.entry("NOT_FOUND", 404),
				Map.entry("CONFLICT", 409), Map.entry("FORBIDDEN", 403), Map.entry("UNAUTHENTICATED", 401),
				Map.entry("BAD_REQUEST", 400), Map.entry("GONE", 410), Map.entry("LOCKED", 423),
				Map.entry("TOO_MANY_REQUESTS", 429), Map.entry("TOO_LARGE", 413), Map.entry("UNAVAILABLE", 503));
		assertThat(statuses).hasSize(jp.nop.cx.platform.rules.RuleViolation.Kind.values().length);
		statuses.forEach((kind, status) -> {
			ApiClient.Response response = api().post("/refusals/" + kind, "{}");
			assertThat(response.status()).as(kind).isEqualTo(status);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().path("title").asString()).as(kind).isNotBlank().doesNotContainPattern("[A-Za-z]{4}");
		});
		ApiClient.Response invalid = api().post("/refusals/INVALID", "{}");
		assertThat(invalid.json().path("type").asString()).isEqualTo("https://cx.nop.jp/problems/notice-period");
		assertThat(invalid.json().path("earliestEffectiveOn").asString()).isEqualTo("2027-01-31");
		assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("effectiveOn");
		assertThat(api().post("/refusals/NOT_FOUND", "{}").json().path("type").asString())
			.isEqualTo("https://cx.nop.jp/problems/not-found");
		assertThat(api().post("/refusals/LOCKED", "{}").header("Retry-After")).isEqualTo("7");
		assertThat(api().header("Accept-Language", "en").post("/refusals/CONFLICT", "{}").json().path("title").asString())
			.isEqualTo("Conflicts with the current state");
	}

	@Test
	void missingForgedUnsignedOrExpiredTokensAllGetTheSame401() {
		String path = "/partners/p-1/secret";
		for (String token : new String[] { null, TestTokens.signedWithForeignKey("p-1"), TestTokens.unsigned("p-1"),
				TestTokens.expired("p-1"), "not-a-jwt" }) {
			ApiClient.Response response = (token != null) ? api().as(token).get(path) : api().get(path);
			assertProblem(response, 401, "unauthenticated");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	@Test
	void anotherPartnersDataIsNotFoundAndOwnDataIsServed() {
		assertProblem(api().as(TestTokens.partnerAdmin("p-2")).get("/partners/p-1/secret"), 404, "not-found");
		assertThat(api().as(TestTokens.partnerAdmin("p-1")).get("/partners/p-1/secret").status()).isEqualTo(200);
		assertThat(api().as(TestTokens.operator()).get("/partners/p-1/secret").status()).isEqualTo(200);
	}

	@Test
	void partnerTokensOnOperatorEndpointsAre403() {
		assertProblem(api().as(TestTokens.partnerAdmin("p-1")).get("/operator-only"), 403, "forbidden");
	}

	@Test
	void problemMembersAreAddedAndStackTracesNeverShown() {
		ApiClient.Response response = api().post("/conflict", "{}");
		assertThat(response.status()).isEqualTo(401);
		ApiClient.Response conflict = api().as(TestTokens.operator()).post("/conflict", "{}");
		assertProblem(conflict, 409, "duplicate");
		assertThat(conflict.json().path("existingId").asString()).isEqualTo("42");
		assertThat(conflict.raw()).doesNotContain("Exception", "at jp.");
	}

	@Test
	void actuatorProbesAndPrometheusAreOpenOnTheManagementPortOnly() {
		ApiClient management = ApiClient.at(this.managementPort);
		assertThat(this.managementPort).isNotEqualTo(this.port);
		ApiClient.Response readiness = management.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
		assertThat(management.get("/actuator/health").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus").raw()).contains("jvm_memory_used_bytes");

		// Issue 11, finding 7: nothing of actuator on the public port.
		for (String path : new String[] { "/actuator/prometheus", "/actuator/health/readiness", "/actuator/health" }) {
			ApiClient.Response response = api().get(path);
			assertProblem(response, 404, "no-such-path");
			assertThat(response.raw()).doesNotContain("jvm_");
		}
	}

	@Test
	void traceIsA405ProblemNotSpringsDefaultError() {
		RawHttp.Answer answer = RawHttp.send(this.port,
				"TRACE /echo HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");

		assertRawProblem(answer, 405, "method-not-allowed");
		assertThat(answer.json().path("title").asString()).isEqualTo("Method not allowed");
		assertThat(answer.body()).doesNotContain("timestamp");
	}

	@Test
	void anUnknownPathIsA404Problem() {
		assertProblem(api().as(TestTokens.operator()).get("/no/such/path"), 404, "no-such-path");
	}

	@Test
	void aMalformedRequestLineIsA400ProblemNotTomcatsHtmlPage() {
		RawHttp.Answer answer = RawHttp.send(this.port,
				"GET /echo?a=\"<x>\" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertRawProblem(answer, 400, "bad-request");
		assertThat(answer.json().path("title").asString()).isEqualTo("リクエストに誤りがあります");
		assertThat(answer.body()).doesNotContain("<html", "Tomcat");
	}

	private static void assertRawProblem(RawHttp.Answer answer, int status, String code) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.body()).as("one problem document").doesNotContain("}{");
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("type").asString()).isEqualTo("https://cx.nop.jp/problems/" + code);
		assertThat(answer.json().path("status").asInt()).isEqualTo(status);
	}

	private static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("https://cx.nop.jp/problems/" + code);
		assertThat(response.json().path("title").asString()).isNotBlank();
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
	}
}
