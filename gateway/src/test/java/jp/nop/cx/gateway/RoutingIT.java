package jp.nop.cx.gateway;

import java.util.UUID;

import jp.nop.cx.gateway.StubServices.Received;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC section 3, gateway: which path goes to which service, and what travels with it. */
class RoutingIT extends GatewayIntegrationTest {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "POST, /api/v1/auth/token, identity", "GET, /api/v1/identity/me, identity",
			"POST, /api/v1/registrations, registration", "GET, /api/v1/registrations/r-1, registration",
			"GET, /api/v1/partners/me, registration", "GET, /api/v1/partners/me/export, registration",
			"POST, /api/v1/transfers/t-1/consent, registration", "GET, /api/v1/terms/current, terms",
			"GET, /api/v1/enforcement/me/standing, enforcement", "GET, /api/v1/service-status, enforcement",
			"POST, /api/v1/service-status/events, enforcement", "GET, /api/v1/notifications/me, notification",
			"PUT, /api/v1/notifications/me/webhook, notification" })
	void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service) {
		String marker = UUID.randomUUID().toString();
		Response response = gateway().as(TestTokens.operator())
			.send(method, path + "?probe=" + marker, method.equals("GET") ? null : "{}");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.text("service")).isEqualTo(service);
		assertThat(SERVICES.received(service, marker)).singleElement()
			.satisfies((r) -> assertThat(r.uri()).isEqualTo(path + "?probe=" + marker));
	}

	@Test
	void forwardsTheTokenUnchangedWithLanguageAndForwardedHeaders() {
		String marker = UUID.randomUUID().toString();
		String token = TestTokens.partnerAdmin(unique("p"));

		Response response = gateway().as(token)
			.header("Accept-Language", "en-US,en;q=0.9")
			.get("/api/v1/partners/me?probe=" + marker);

		assertThat(response.status()).isEqualTo(200);
		Received received = SERVICES.received("registration", marker).get(0);
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(received.header("Accept-Language")).isEqualTo("en-US,en;q=0.9");
		assertThat(received.header("X-Forwarded-For")).startsWith(clientIp()).endsWith("127.0.0.1");
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
	}

	@Test
	void continuesTheCallersTrace() {
		String marker = UUID.randomUUID().toString();
		String traceId = UUID.randomUUID().toString().replace("-", "");

		gateway().as(TestTokens.operator())
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.get("/api/v1/terms/current?probe=" + marker);

		assertThat(SERVICES.received("terms", marker).get(0).header("traceparent")).startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/internal/v1/partners/p-1/export, 404", "/api/v1/unknown, 404",
			"/api/v1/partners/../../internal/v1/partners/p-1/export, 400",
			"/api/v1/auth/..%2F..%2Finternal/v1/partners/p-1/export, 400" })
	void neverRoutesInternalPathsOrUnknownOnes(String path, int status) {
		String marker = UUID.randomUUID().toString();
		Response response = gateway().as(TestTokens.operator()).get(path + "?probe=" + marker);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(SERVICES.anyReceived(marker)).isEmpty();
	}

	@Test
	void unknownPathIsAProblem() {
		Response response = gateway().as(TestTokens.operator()).get("/api/v1/unknown");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/no-such-path");
	}

	@Test
	void theGatewaysOwnHealthIsNotAServicesHealth() {
		String marker = UUID.randomUUID().toString();
		Response health = ApiClient.at(this.port).get("/actuator/health/liveness?probe=" + marker);

		assertThat(health.status()).isEqualTo(200);
		assertThat(SERVICES.anyReceived(marker)).isEmpty();
	}
}
