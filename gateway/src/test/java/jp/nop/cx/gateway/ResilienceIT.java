package jp.nop.cx.gateway;

import java.time.Duration;

import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC section 3, gateway: a down or slow service gives a fast 503 problem, never a hang. */
class ResilienceIT extends GatewayIntegrationTest {

	@Test
	void aStoppedServiceAnswersA503ProblemWellWithinTheTimeLimit() {
		long started = System.nanoTime();
		Response response = gateway().as(TestTokens.partnerAdmin(unique("p"))).get(STOPPED_SERVICE_PATH + "/anything");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(took).isLessThan(TIME_LIMIT.dividedBy(2));
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/service-unavailable");
		assertThat(response.text("title")).isEqualTo("一時的に利用できません");
		assertThat(response.text("instance")).isEqualTo(STOPPED_SERVICE_PATH + "/anything");
	}

	@Test
	void theUnavailableProblemSpeaksEnglishWhenAskedTo() {
		Response response = gateway().as(TestTokens.operator())
			.header("Accept-Language", "en")
			.post(STOPPED_SERVICE_PATH + "/anything", "{}");

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.text("title")).isEqualTo("Service unavailable");
	}

	@Test
	void aSlowServiceAnswers503AfterTheTimeLimit() {
		long started = System.nanoTime();
		Response response = gateway().as(TestTokens.operator()).get("/api/v1/notifications/slow");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/service-unavailable");
		assertThat(response.text("route")).isEqualTo("notifications");
		// Time limit 10 s; the stub would take 30 s.
		assertThat(took).isBetween(TIME_LIMIT.minusMillis(100), StubServices.SLOW.minusSeconds(5));
	}

	@Test
	void aServicesOwnErrorPassesThroughUnchanged() {
		Response response = gateway().as(TestTokens.operator()).get("/api/v1/partners/me/unavailable");

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("7");
		assertThat(response.json().path("own").asBoolean()).isTrue();
	}
}
