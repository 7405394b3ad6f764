package jp.nop.cx.test.web;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.RawHttp;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

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
