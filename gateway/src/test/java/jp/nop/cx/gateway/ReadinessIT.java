package jp.nop.cx.gateway;

import java.time.Duration;

import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SPEC section 6: ready only with the enforcement state loaded and every service ready; alive regardless. */
class ReadinessIT extends GatewayIntegrationTest {

	@Test
	void readinessFollowsTheServicesReadinessWhileLivenessDoesNot() {
		ApiClient actuator = ApiClient.at(this.port);
		assertThat(actuator.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");

		SERVICES.ready("terms", false);

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> actuator.get("/actuator/health/readiness").status() == 503);
		ApiClient.Response down = actuator.get("/actuator/health/readiness");
		assertThat(down.json().path("status").asString()).isEqualTo("DOWN");
		assertThat(down.json().path("components").path("downstreams").path("components").path("terms").path("status")
			.asString()).isEqualTo("DOWN");
		assertThat(down.json().path("components").path("enforcementState").path("status").asString()).isEqualTo("UP");
		assertThat(actuator.get("/actuator/health/liveness").status()).isEqualTo(200);

		SERVICES.ready("terms", true);

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> actuator.get("/actuator/health/readiness").status() == 200);
	}
}
