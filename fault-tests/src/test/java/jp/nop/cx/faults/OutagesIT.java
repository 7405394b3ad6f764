package jp.nop.cx.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jp.nop.cx.events.CorporateNumberCheckDigit;
import jp.nop.cx.test.ApiClient;
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
 * SPEC section 4 and 5 under outages, with registration-service as the service that changes
 * state: while the broker is away (30 s, or as long as the 1,000 changes take on a busy machine),
 * 1,000 applications are accepted and every one of
 * their events arrives once it is back, each under one event id; while the store is away for
 * 10 s, requests get a 503 problem within 2 s, and readiness goes DOWN and comes back UP alone.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutagesIT {

	/** The figure: longer than every retry and timeout of the relay (send timeout 10 s, producer 9 s). */
	private static final Duration BROKER_OUTAGE = Duration.ofSeconds(30);

	private static final Duration STORE_OUTAGE = Duration.ofSeconds(10);

	private static final int APPLICATIONS = 1_000;

	private static final AtomicLong CORPORATE_NUMBERS = new AtomicLong(System.nanoTime() % 100_000_000_000L);

	private ServiceInstance registration;

	@BeforeAll
	void registrationService() {
		String missing = FaultStack.unavailableReason("registration-service");
		assumeTrue(missing == null, missing);
		this.registration = ServiceInstance.start("registration-service", 1, "cx-faults-registration", Map.of(),
				Map.of());
		this.registration.awaitReady(Duration.ofMinutes(5));
	}

	@AfterAll
	void stop() {
		if (this.registration != null) {
			ServiceInstance.stopAll(List.of(this.registration));
		}
	}

	@Test
	@Order(1)
	void everyChangeMadeWhileTheBrokerIsAwayIsPublishedWhenItIsBackUnderOneEventId() throws Exception {
		FaultStack stack = FaultStack.get();
		long outageStarted = System.nanoTime();
		stack.stopBroker();
		List<String> accepted;
		try {
			accepted = applyWhileAway(APPLICATIONS);
			// At least the 30 s, and until the 1,000th change is made (a busy machine takes longer).
			holdFault(BROKER_OUTAGE.minus(Duration.ofNanos(System.nanoTime() - outageStarted)));
		}
		finally {
			stack.startBroker();
		}

		Set<String> expected = new HashSet<>(accepted);
		assertThat(expected).hasSize(APPLICATIONS);
		try (Topics.Reader submitted = Topics.read("registration-submitted")) {
			List<Topics.Event> events = await("every application's event").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ZERO)
				.until(submitted::poll, (read) -> applications(read).keySet().containsAll(expected));
			Map<String, Set<String>> idsPerApplication = applications(events);
			List<String> notOnce = expected.stream()
				.filter((id) -> idsPerApplication.get(id).size() != 1)
				.map((id) -> id + "=" + idsPerApplication.get(id))
				.toList();
			assertThat(notOnce).as("applications whose change arrived under more than one event id").isEmpty();
		}
	}

	@Test
	@Order(2)
	void whileTheStoreIsAwayRequestsGetA503ProblemFastAndReadinessRecoversByItself() {
		FaultStack stack = FaultStack.get();
		assertThat(this.registration.readiness()).isEqualTo(200);
		long outageStarted = System.nanoTime();
		stack.stopStore();
		try {
			long asked = System.nanoTime();
			ApiClient.Response answer = apply(APPLICATIONS + 1);
			Duration took = Duration.ofNanos(System.nanoTime() - asked);
			assertThat(answer.status()).as("%s", answer).isEqualTo(503);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().path("type").asString()).endsWith("/store-unavailable");
			assertThat(took).as("the answer without the store").isLessThan(Duration.ofSeconds(2));

			await("readiness DOWN").atMost(STORE_OUTAGE).pollInterval(Duration.ofMillis(200))
				.until(this.registration::readiness, (status) -> status == 503);
			holdFault(STORE_OUTAGE.minus(Duration.ofNanos(System.nanoTime() - outageStarted)));
		}
		finally {
			stack.startStore();
		}

		await("readiness UP again, by itself").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(this.registration::readiness, (status) -> status == 200);
		assertThat(apply(APPLICATIONS + 2).status()).isEqualTo(201);
	}

	/** {@code count} applications from 4 clients at once, each accepted (201); answers their IDs. */
	private List<String> applyWhileAway(int count) throws Exception {
		List<String> accepted = Collections.synchronizedList(new ArrayList<>());
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				running.add(clients.submit(() -> {
					ApiClient.Response answer = apply(n);
					assertThat(answer.status()).as("application %d while the broker is away: %s", n, answer).isEqualTo(201);
					accepted.add(answer.json().path("id").asString());
				}));
			}
			for (Future<?> call : running) {
				call.get();
			}
			return accepted;
		}
		finally {
			clients.shutdownNow();
		}
	}

	/** Each application's event ids, from the events read. */
	private static Map<String, Set<String>> applications(List<Topics.Event> events) {
		Map<String, Set<String>> ids = new HashMap<>();
		for (Topics.Event event : events) {
			ids.computeIfAbsent(event.body().path("applicationId").asString(), (k) -> new HashSet<>()).add(event.ceId());
		}
		return ids;
	}

	private ApiClient.Response apply(int n) {
		String base = String.format("%012d", CORPORATE_NUMBERS.incrementAndGet());
		String corporateNumber = CorporateNumberCheckDigit.of(base) + base;
		String body = """
				{"company": {"name": "株式会社障害試験%d", "corporateNumber": "%s", "postalCode": "100-0001",
				             "address": "東京都千代田区千代田1-1"},
				 "representative": {"name": "山田 太郎", "title": "代表取締役"},
				 "contact": {"name": "佐藤 花子", "email": "applicant-%d@outage.faults.example", "phone": "03-1234-5678"},
				 "preferredLanguage": "ja", "agreement": {"termsVersion": "1", "accepted": true}}"""
			.formatted(n, corporateNumber, n);
		return this.registration.api().post("/api/v1/registrations", body);
	}

	/**
	 * Keeps the fault in place for the rest of its duration: the test's input, not a wait for
	 * something to happen (the services get no signal that it ends).
	 */
	private static void holdFault(Duration rest) {
		if (rest.isNegative() || rest.isZero()) {
			return;
		}
		// Nothing to await but the end of the fault's duration: the poll delay is that duration.
		await("the rest of the fault (" + rest + ")").pollDelay(rest)
			.atMost(rest.plusSeconds(5))
			.until(() -> true);
	}

}
