package jp.nop.cx.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.SharedInfrastructure;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC section 5 (scaling): a service running as several instances gets a route's requests
 * spread over all of them ({@code lb://}, instances from configuration, as {@code ./cx up
 * --scale} passes them), and an instance that stops is skipped: nobody sees it go. The same for the
 * console's pages over several consoles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstancesIT {

	private final StubServices services = StubServices.start();

	private final List<Instance> instances = new ArrayList<>();

	/** Two consoles: their pages are a route of their own. */
	private final List<Instance> consoles = new ArrayList<>();

	private ConfigurableApplicationContext gateway;

	private int port;

	@BeforeAll
	void startTwoInstancesAndAGateway() throws IOException {
		this.instances.add(new Instance("a"));
		this.instances.add(new Instance("b"));
		this.consoles.add(new Instance("console-a"));
		this.consoles.add(new Instance("console-b"));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.cloud.stream.kafka.binder.brokers", SharedInfrastructure.get().kafkaBootstrap());
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
		StubServices.NAMES.forEach((name) -> {
			properties.put("cx.gateway.services." + name + ".url", this.services.url(name));
			properties.put("cx.gateway.services." + name + ".management-url", this.services.url(name));
		});
		properties.put("CX_REGISTRATION_ROUTE_URI", "lb://registration-service");
		properties.put("cx.gateway.console.url", "lb://console");
		for (int i = 0; i < this.instances.size(); i++) {
			properties.put("spring.cloud.discovery.client.simple.instances.registration-service[" + i + "].uri",
					"http://127.0.0.1:" + this.instances.get(i).port());
			properties.put("spring.cloud.discovery.client.simple.instances.console[" + i + "].uri",
					"http://127.0.0.1:" + this.consoles.get(i).port());
		}
		String[] args = properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		this.gateway = new SpringApplicationBuilder(GatewayApplication.class).run(args);
		this.port = ((WebServerApplicationContext) this.gateway).getWebServer().getPort();
		await("the gateway ready").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ApiClient.at(this.port).get("/actuator/health/readiness").status() == 200);
	}

	@AfterAll
	void stop() {
		// The gateway stays up until the JVM ends: closing it disposes Reactor Netty's global
		// resources, which the module's shared gateway context serves its ports with.
		this.instances.forEach(Instance::stop);
		this.consoles.forEach(Instance::stop);
	}

	@Test
	void requestsAreSpreadAndAStoppedInstanceIsSkipped() {
		ApiClient partner = ApiClient.at(this.port).as(TestTokens.partnerAdmin("lb-partner"));
		for (int i = 0; i < 20; i++) {
			assertThat(partner.get("/api/v1/partners/me").status()).isEqualTo(200);
		}
		assertThat(this.instances).allSatisfy((instance) -> assertThat(instance.served.get()).isPositive());

		this.instances.get(1).stop();
		int before = this.instances.get(0).served.get();
		for (int i = 0; i < 20; i++) {
			assertThat(partner.get("/api/v1/partners/me").status()).as("request %d after b stopped", i).isEqualTo(200);
		}
		assertThat(this.instances.get(0).served.get() - before).isEqualTo(20);
	}

	@Test
	void theConsolesPagesAreSpreadAndAStoppedConsoleIsSkipped() {
		ApiClient browser = ApiClient.at(this.port);
		for (int i = 0; i < 20; i++) {
			assertThat(browser.get("/signin").status()).isEqualTo(200);
		}
		assertThat(this.consoles).allSatisfy((console) -> assertThat(console.served.get()).isPositive());

		this.consoles.get(1).stop();
		int before = this.consoles.get(0).served.get();
		for (int i = 0; i < 20; i++) {
			assertThat(browser.get("/signin").status()).as("page %d after console b stopped", i).isEqualTo(200);
		}
		assertThat(this.consoles.get(0).served.get() - before).isEqualTo(20);
	}

	/** One instance of registration-service (or the console): answers every request and counts them. */
	private static final class Instance {

		final AtomicInteger served = new AtomicInteger();

		private final HttpServer server;

		Instance(String name) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", (exchange) -> {
				this.served.incrementAndGet();
				byte[] body = ("{\"instance\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void stop() {
			this.server.stop(0);
		}
	}

}
