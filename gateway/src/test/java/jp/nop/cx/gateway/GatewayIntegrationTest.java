package jp.nop.cx.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.MutableClock;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The running gateway on a random port, against the shared Kafka broker, the test JWKS and five
 * stub services; one Spring context for every IT of the module. The clock stands still unless a
 * test moves it; each test starts at the real time.
 */
@CxIntegrationTest(properties = { "cx.gateway.resilience.time-limit=10s", "cx.gateway.resilience.retry-after=5s",
		"cx.gateway.rate-limit.anonymous.requests-per-second=10", "cx.gateway.rate-limit.anonymous.burst=20",
		"cx.gateway.rate-limit.excessive-load.rejections=20", "cx.gateway.rate-limit.excessive-load.window=10s",
		"cx.gateway.cors.allowed-origins=" + GatewayIntegrationTest.ALLOWED_ORIGIN })
@Import(GatewayIntegrationTest.TestInfrastructure.class)
abstract class GatewayIntegrationTest {

	/** The one browser origin CX_CORS_ALLOWED_ORIGINS lists in these tests. */
	static final String ALLOWED_ORIGIN = "https://portal.example.jp";

	static final StubServices SERVICES = StubServices.start();

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private static volatile boolean warmedUp;

	/**
	 * The time limit of every route, as in production: a shared, loaded test machine may take
	 * seconds to pass a healthy answer on, which must never count as slow.
	 */
	static final Duration TIME_LIMIT = Duration.ofSeconds(10);

	/** A port nothing listens on: a service that was stopped. */
	static final int CLOSED_PORT = closedPort();

	/** Routed (by a test-only route with a circuit breaker) to {@link #CLOSED_PORT}. */
	static final String STOPPED_SERVICE_PATH = "/api/v1/stopped-service";

	/** Routed (by a test-only route with its own breaker) to the notification stub, for slow answers. */
	static final String SLOW_SERVICE_PATH = "/api/v1/slow-service";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	/** This test's client address, so anonymous rate limits of one test never touch another. */
	private String clientIp;

	@DynamicPropertySource
	static void stubServices(DynamicPropertyRegistry registry) {
		StubServices.NAMES.forEach((name) -> {
			registry.add("cx.gateway.services." + name + ".url", () -> SERVICES.url(name));
			// The stubs answer their readiness on the same port as everything else.
			registry.add("cx.gateway.services." + name + ".management-url", () -> SERVICES.url(name));
		});
	}

	@BeforeEach
	void startAtRealTimeOnceReady() {
		this.clock.reset();
		int n = CLIENTS.incrementAndGet();
		this.clientIp = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> ApiClient.at(this.port).get("/actuator/health/readiness").status() == 200);
		if (!warmedUp) {
			// The first request fetches the JWKS and warms every filter: not part of any timing.
			ApiClient.at(this.port).as(TestTokens.partnerAdmin(unique("warm-up"))).get("/api/v1/partners/me");
			warmedUp = true;
		}
	}

	@AfterEach
	void resetServices() {
		SERVICES.reset();
		this.clock.reset();
	}

	/** The gateway, as a client behind a trusted proxy at {@link #clientIp()}. */
	ApiClient gateway() {
		return ApiClient.at(this.port).header("X-Forwarded-For", this.clientIp);
	}

	String clientIp() {
		return this.clientIp;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestInfrastructure {

		@Bean
		@Primary
		MutableClock testClock() {
			return MutableClock.startingNow();
		}

		@Bean
		RouteLocator stoppedServiceRoute(RouteLocatorBuilder routes) {
			return routes.routes()
				.route("stopped-service",
						(r) -> r.path(STOPPED_SERVICE_PATH + "/**")
							.filters((f) -> f.circuitBreaker((c) -> c.setName("stopped-service")
								.setFallbackUri("forward:/fallback/service-unavailable")))
							.metadata("capability", "registration")
							.uri("http://127.0.0.1:" + CLOSED_PORT))
				.route("slow-service",
						(r) -> r.path(SLOW_SERVICE_PATH + "/**")
							.filters((f) -> f.circuitBreaker((c) -> c.setName("slow-service")
								.setFallbackUri("forward:/fallback/service-unavailable")))
							.metadata("capability", "registration")
							.uri(SERVICES.url("notification")))
				.build();
		}
	}
}
