package jp.nop.cx.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.sun.net.httpserver.HttpServer;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Art. 7.2, 7.5 with several instances (SPEC section 5): two enforcement-service instances, whose
 * lifting jobs both look for due measures, lift a measure at its {@code resumeAt} exactly once;
 * and two gateways, each keeping its own standings from the compacted topic, both refuse a
 * suspended partner within one second of the suspension's answer.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnforcementInstancesIT {

	private static final String DATABASE = "cx-faults-enforcement";

	private static final List<String> ABSENT = List.of("registration", "identity", "terms", "notification");

	private final List<ServiceInstance> enforcement = new ArrayList<>();

	private final List<ServiceInstance> gateways = new ArrayList<>();

	private final String partnerId = "p-faults-" + UUID.randomUUID();

	private HttpServer absentServices;

	private String caseId;

	@BeforeAll
	void twoEnforcementInstancesAndTwoGateways() {
		String missing = FaultStack.unavailableReason("enforcement-service", "gateway");
		assumeTrue(missing == null, missing);
		// Both lifting jobs look every half second, so they meet at the same due measure.
		for (int n = 1; n <= 2; n++) {
			this.enforcement.add(ServiceInstance.start("enforcement-service", n, DATABASE, Map.of(),
					Map.of("cx.enforcement.cases.lift-interval", "500ms")));
		}
		this.absentServices = readyStub();
		String stub = "http://127.0.0.1:" + this.absentServices.getAddress().getPort();
		Map<String, String> env = new LinkedHashMap<>();
		ABSENT.forEach((name) -> {
			env.put("CX_" + name.toUpperCase() + "_URL", stub);
			env.put("CX_" + name.toUpperCase() + "_MANAGEMENT_URL", stub);
		});
		env.put("CX_CONSOLE_URL", stub);
		env.put("CX_ENFORCEMENT_URL", this.enforcement.get(0).url());
		env.put("CX_ENFORCEMENT_MANAGEMENT_URL", this.enforcement.get(0).managementUrl());
		// As ./cx up --scale wires a scaled service: lb:// over the listed instances (Scale.gatewayWiring).
		env.put("CX_ENFORCEMENT_ROUTE_URI", "lb://enforcement-service");
		Map<String, String> instances = new LinkedHashMap<>();
		for (int i = 0; i < this.enforcement.size(); i++) {
			instances.put("spring.cloud.discovery.client.simple.instances.enforcement-service[" + i + "].uri",
					this.enforcement.get(i).url());
		}
		for (int n = 1; n <= 2; n++) {
			this.gateways.add(ServiceInstance.start("gateway", n, "cx-faults-gateway", env, instances));
		}
		List<ServiceInstance> all = new ArrayList<>(this.enforcement);
		all.addAll(this.gateways);
		CompletableFuture.allOf(all.stream()
			.map((i) -> CompletableFuture.runAsync(() -> i.awaitReady(Duration.ofMinutes(5))))
			.toArray(CompletableFuture[]::new)).join();

		Topics.publish(new PartnerApproved(this.partnerId, "app-" + this.partnerId, "株式会社複数台", "1234567890123",
				"担当 者", "contact@instances.faults.example", "ja", "1", Instant.now(), "operator", Instant.now()));
		ApiClient operator = this.enforcement.get(0).api().as(TestTokens.operator());
		this.caseId = await("the partner known to enforcement").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> operator.post("/api/v1/enforcement/cases", Map.of("partnerId", this.partnerId, "category",
					"TERMS_VIOLATION", "description", "複数台での障害試験", "evidence", "ログ")), (r) -> r.status() == 201)
			.json()
			.path("id")
			.asString();
		// A warning first, so that each relay has published once (its producer is connected), as
		// in a platform that has been running: the measurement is the path, not a cold start.
		try (Topics.Reader standings = Topics.read("partner-standing")) {
			assertThat(operator.post("/api/v1/enforcement/cases/" + this.caseId + "/measures",
					Map.of("type", "WARNING", "scope", Map.of("all", true), "note", "改善を求めます。")).status())
				.isEqualTo(201);
			await("the warning's standing published").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ZERO)
				.until(() -> standings.poll()
					.stream()
					.anyMatch((e) -> this.partnerId.equals(e.key())));
		}
	}

	@AfterAll
	void stop() {
		List<ServiceInstance> all = new ArrayList<>(this.gateways);
		all.addAll(this.enforcement);
		ServiceInstance.stopAll(all);
		if (this.absentServices != null) {
			this.absentServices.stop(0);
		}
	}

	@Test
	@Order(1)
	void bothGatewaysRefuseASuspendedPartnerWithinOneSecond() {
		this.gateways.forEach((gateway) -> await(gateway.name() + " serving the partner").atMost(Duration.ofSeconds(30))
			.until(() -> partnerAt(gateway).get("/api/v1/service-status").status() == 200));

		ApiClient.Response imposed = this.enforcement.get(1).api().as(TestTokens.operator())
			.post("/api/v1/enforcement/cases/" + this.caseId + "/measures",
					Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "是正まで利用を停止します。"));
		assertThat(imposed.status()).as("%s", imposed).isEqualTo(201);

		long answered = System.nanoTime();
		List<CompletableFuture<Duration>> refusals = this.gateways.stream()
			.map((gateway) -> CompletableFuture.supplyAsync(() -> {
				await(gateway.name() + " refusing the suspended partner").atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> partnerAt(gateway).get("/api/v1/service-status"),
							(r) -> r.status() == 403 && r.raw().contains("partner-suspended"));
				return Duration.ofNanos(System.nanoTime() - answered);
			}))
			.toList();
		List<Duration> latencies = refusals.stream().map(CompletableFuture::join).toList();
		assertThat(latencies).as("from the suspension's answer to the first refusal, per gateway")
			.allSatisfy((latency) -> assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	@Order(2)
	void theMeasureIsLiftedAtResumeAtExactlyOnce() {
		Instant resumeAt = Instant.now().plusSeconds(4);
		ApiClient.Response resolved = this.enforcement.get(0).api().as(TestTokens.operator())
			.post("/api/v1/enforcement/cases/" + this.caseId + "/resolution",
					Map.of("resumeAt", resumeAt.toString(), "note", "合意した日時に再開します。"));
		assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);

		try (Topics.Reader reinstated = Topics.read("partner-reinstated")) {
			List<Topics.Event> lifts = await("the measure lifted").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ZERO)
				.until(() -> lifted(reinstated.poll()), (found) -> !found.isEmpty());
			assertThat(Instant.parse(lifts.get(0).body().path("reinstatedAt").asString())).as("lifted at resumeAt")
				.isAfterOrEqualTo(resumeAt)
				.isBefore(resumeAt.plusSeconds(5));
			// Both lifting jobs keep looking every half second; none lifts it a second time.
			await("no second lift").during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(6))
				.pollInterval(Duration.ZERO)
				.until(() -> lifted(reinstated.poll()).size() == 1);
		}
		this.gateways.forEach((gateway) -> await(gateway.name() + " serving the reinstated partner")
			.atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> partnerAt(gateway).get("/api/v1/service-status").status() == 200));
	}

	/** Records of this partner's reinstatement on the topic (a redelivery would count twice). */
	private List<Topics.Event> lifted(List<Topics.Event> events) {
		return events.stream().filter((e) -> this.partnerId.equals(e.body().path("partnerId").asString())).toList();
	}

	private ApiClient partnerAt(ServiceInstance gateway) {
		return gateway.api().as(TestTokens.partnerAdmin(this.partnerId));
	}

	/** The services this test does not run, as ready as the gateway's readiness asks them to be. */
	private static HttpServer readyStub() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
