package jp.nop.cx.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.CxInfrastructureInitializer;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway started after the measures were published rebuilds them from the topics before it is
 * ready, and lets nobody through before: a restart never opens the door to a suspended partner.
 */
class RestartIT extends GatewayIntegrationTest {

	private static final String STANDINGS_BINDING = "onPartnerStanding-in-0";

	@Test
	void aRestartedGatewayRefusesASuspendedPartnerFromItsFirstRequest() {
		String suspendedPartner = unique("p");
		String suspended = TestTokens.partnerAdmin(suspendedPartner);
		String revokedLogin = unique("login");
		String revokedPartner = unique("p");
		String revoked = TestTokens.partnerAdmin(revokedPartner, revokedLogin);
		Published.event(Published.suspendedAll(suspendedPartner, "m-restart", "c-restart"));
		Published.event(Published.revoked(revokedPartner, revokedLogin, 1, Instant.now()));
		await().atMost(Duration.ofSeconds(2))
			.until(() -> gateway().as(suspended).get("/api/v1/partners/me").status() == 403
					&& gateway().as(revoked).get("/api/v1/partners/me").status() == 401);

		// The partner standings are held back, as if the broker were slow to deliver them. Spring
		// Cloud Stream cannot start an anonymous binding late, hence a fresh named group here.
		try (ConfigurableApplicationContext restarted = startGateway(
				"--spring.cloud.stream.bindings." + STANDINGS_BINDING + ".consumer.auto-startup=false",
				"--spring.cloud.stream.bindings." + STANDINGS_BINDING + ".group=" + unique("restarted-gateway"))) {
			ApiClient second = ApiClient.at(restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

			assertThat(second.get("/actuator/health/readiness").status()).isEqualTo(503);
			Response early = second.as(suspended).get("/api/v1/partners/me");
			assertThat(early.status()).isEqualTo(503);
			assertThat(early.text("type")).isEqualTo("https://cx.nop.jp/problems/gateway-starting");
			assertThat(early.header("Retry-After")).isEqualTo("1");

			restarted.getBean(BindingsLifecycleController.class).start(STANDINGS_BINDING);

			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> {
					Response readiness = second.get("/actuator/health/readiness");
					assertThat(readiness.status()).as(readiness.raw()).isEqualTo(200);
				});
			Response first = second.as(suspended).get("/api/v1/partners/me");
			assertThat(first.status()).isEqualTo(403);
			assertThat(first.text("measureId")).isEqualTo("m-restart");
			assertThat(second.as(revoked).get("/api/v1/partners/me").status()).isEqualTo(401);
			assertThat(second.as(TestTokens.partnerAdmin(unique("p"))).get("/api/v1/partners/me").status())
				.isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext startGateway(String... extra) {
		// Details show the loading progress per partition if the test fails.
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.endpoint.health.show-details=always"));
		StubServices.NAMES.forEach((name) -> {
			args.add("--cx.gateway.services." + name + ".url=" + SERVICES.url(name));
			args.add("--cx.gateway.services." + name + ".management-url=" + SERVICES.url(name));
		});
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(GatewayApplication.class).initializers(new CxInfrastructureInitializer())
			.run(args.toArray(String[]::new));
	}
}
