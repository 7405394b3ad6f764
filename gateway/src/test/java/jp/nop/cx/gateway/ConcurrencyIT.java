package jp.nop.cx.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 1: the gateway's own limits must never cut a healthy service off. 64 callers
 * at once on one route; "the service is failing" (stopped, slow) is told apart from "we are busy".
 */
class ConcurrencyIT extends GatewayIntegrationTest {

	private static final int CALLERS = 64;

	@Test
	void sixtyFourCallersAtOnceOnAHealthyServiceAllGet200() throws Exception {
		// All 64 held inside the service at the same moment: the most a bulkhead could ever see.
		String gathering = UUID.randomUUID().toString();
		Map<Integer, Integer> together = concurrently(1, (client) -> client
			.get("/api/v1/partners/p-" + UUID.randomUUID() + "?gather=" + gathering + "&of=" + CALLERS));
		assertThat(together).containsOnlyKeys(200);

		// Then sustained load: every caller sends its requests back to back.
		Map<Integer, Integer> sustained = concurrently(30,
				(client) -> client.get("/api/v1/partners/p-" + UUID.randomUUID()));
		assertThat(sustained).containsExactly(Map.entry(200, CALLERS * 30));
	}

	@Test
	void sixtyFourCallersOfAStoppedServiceAllGetAFast503Problem() throws Exception {
		Queue<Duration> took = new ConcurrentLinkedQueue<>();
		Map<Integer, Integer> statuses = concurrently(5, (client) -> {
			long started = System.nanoTime();
			Response response = client.get(STOPPED_SERVICE_PATH + "/anything");
			took.add(Duration.ofNanos(System.nanoTime() - started));
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/service-unavailable");
			return response;
		});

		assertThat(statuses).containsExactly(Map.entry(503, CALLERS * 5));
		// A refused connection or an open breaker, not a wait for the time limit (the median, as a
		// shared test machine may delay any single answer).
		assertThat(median(took)).isLessThan(TIME_LIMIT.dividedBy(2));
	}

	@Test
	void sixtyFourCallersOfASlowServiceGet503AfterTheTimeLimit() throws Exception {
		Queue<Duration> took = new ConcurrentLinkedQueue<>();
		Map<Integer, Integer> statuses = concurrently(1, (client) -> {
			long started = System.nanoTime();
			Response response = client.get(SLOW_SERVICE_PATH + "/slow");
			took.add(Duration.ofNanos(System.nanoTime() - started));
			assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/service-unavailable");
			return response;
		});

		assertThat(statuses).containsExactly(Map.entry(503, CALLERS));
		// The stub would take 30 s; a caller that came late may meet the breaker those timeouts
		// opened, but most waited for the time limit, and none for the stub.
		assertThat(median(took)).isBetween(TIME_LIMIT.minusMillis(100), StubServices.SLOW.minusSeconds(5));
	}

	private static Duration median(Queue<Duration> durations) {
		List<Duration> sorted = durations.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	/**
	 * {@link #CALLERS} clients (operators: exempt from rate limits) started together, each sending
	 * {@code rounds} requests in a row; the count of answers per status. No warm-up request: on a
	 * loaded machine the wait at the start can outlast the JDK client's keep-alive, and a
	 * connection closed by the client as it is reused is not an answer of the gateway.
	 */
	private Map<Integer, Integer> concurrently(int rounds, Function<ApiClient, Response> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		try {
			CyclicBarrier start = new CyclicBarrier(CALLERS);
			Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
			List<Future<?>> callers = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				ApiClient client = ApiClient.at(this.port).as(TestTokens.operator());
				callers.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < rounds; round++) {
						int status = request.apply(client).status();
						statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> caller : callers) {
				caller.get();
			}
			Map<Integer, Integer> counts = new TreeMap<>();
			statuses.forEach((status, count) -> counts.put(status, count.get()));
			return counts;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
