package jp.nop.cx.gateway;

import java.util.UUID;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.RawHttp;
import jp.nop.cx.test.RawHttp.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 5 and issue 11, findings 6 and 7: every error at the gateway is a problem, also what
 * is refused before routing; actuator is on the management port, the public port keeps only the
 * two probes.
 */
class EdgeProblemsIT extends GatewayIntegrationTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void traceIsA405ProblemAndNeverReachesAService() {
		String marker = UUID.randomUUID().toString();
		Answer answer = RawHttp.send(this.port, "TRACE /api/v1/terms/current?probe=" + marker
				+ " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 405, "method-not-allowed");
		assertThat(answer.json().path("title").asString()).isEqualTo("Method not allowed");
		assertThat(answer.header("Allow")).contains("GET", "POST").doesNotContain("TRACE");
		assertThat(SERVICES.anyReceived(marker)).isEmpty();
	}

	@Test
	void aRequestTargetOverTheLimitIsA414ProblemInTheLanguageAsked() {
		String marker = UUID.randomUUID().toString();
		Answer answer = RawHttp.send(this.port, "GET /api/v1/terms/current?probe=" + marker + "&q=" + "x".repeat(10_000)
				+ " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n\r\n");

		assertProblem(answer, 414, "uri-too-long");
		assertThat(answer.json().path("title").asString()).isEqualTo("URI too long");
		assertThat(SERVICES.anyReceived(marker)).isEmpty();
	}

	@Test
	void headersOverTheLimitAreA431ProblemInTheLanguageAsked() {
		Answer answer = RawHttp.send(this.port, "GET /api/v1/terms/current HTTP/1.1\r\nHost: localhost\r\n"
				+ "Accept-Language: en\r\nX-Padding: " + "x".repeat(20_000) + "\r\n\r\n");

		assertProblem(answer, 431, "headers-too-large");
		assertThat(answer.json().path("title").asString()).isEqualTo("Request headers too large");
	}

	@Test
	void whatTheHttpDecoderRefusesIsAProblemTooInJapanese() {
		// Beyond the decoder's own limits (64 KB) nothing of the request is readable, not even its language.
		Answer line = RawHttp.send(this.port, "GET /api/v1/terms/current?q=" + "x".repeat(70_000)
				+ " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n\r\n");
		assertProblem(line, 414, "uri-too-long");
		assertThat(line.json().path("title").asString()).isEqualTo("URI が長すぎます");

		Answer headers = RawHttp.send(this.port, "GET /api/v1/terms/current HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Padding: " + "x".repeat(70_000) + "\r\n\r\n");
		assertProblem(headers, 431, "headers-too-large");
		assertThat(headers.json().path("title").asString()).isEqualTo("リクエストヘッダーが大きすぎます");
	}

	@Test
	void aHeaderWithAControlCharacterIsRefusedByTheFirewallAndNeverReachesAService() {
		// Sent as UTF-8 (C2 85), read as ISO-8859-1: U+0085 (NEL) is a control character. Netty lets
		// it pass (obs-text); Spring Security's firewall, with the gateway's HeaderCharacters, refuses it.
		String marker = UUID.randomUUID().toString();
		Answer answer = RawHttp.send(this.port, "GET /api/v1/terms/current?probe=" + marker
				+ " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer abc\u0085def\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 400, "bad-request");
		assertThat(SERVICES.anyReceived(marker)).isEmpty();
	}

	@Test
	void aMissingRouteIsA404ProblemEvenWithoutAToken() {
		Answer answer = RawHttp.send(this.port,
				"GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertProblem(answer, 404, "no-such-path");
		assertThat(answer.body()).doesNotContain("jvm_");
	}

	@Test
	void metricsAndHealthAreOnTheManagementPortAndThePublicPortKeepsOnlyTheProbes() {
		ApiClient management = ApiClient.at(this.managementPort);
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(management.get("/actuator/prometheus").raw()).contains("jvm_memory_used_bytes");
		assertThat(management.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");

		ApiClient publicPort = ApiClient.at(this.port);
		Response readiness = publicPort.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.json().path("components").has("downstreams")).isTrue();
		assertThat(publicPort.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
		for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/info",
				"/actuator" }) {
			Response response = publicPort.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
		}
	}

	private static void assertProblem(Answer answer, int status, String code) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("type").asString()).isEqualTo("https://cx.nop.jp/problems/" + code);
		assertThat(answer.json().path("status").asInt()).isEqualTo(status);
	}
}
