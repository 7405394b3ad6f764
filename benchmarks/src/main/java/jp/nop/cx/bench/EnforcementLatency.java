package jp.nop.cx.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.node.ObjectNode;

/**
 * SPEC section 7, enforcement latency: the operator's suspension call (a SUSPENSION measure of all
 * use on a fresh case) until the gateway first refuses that partner's request (403), polled every
 * 2 ms. Then the case is resolved and the partner let in again before the next sample. The samples
 * go round the partners, so polling never runs into one partner's rate limit.
 */
final class EnforcementLatency {

	/**
	 * Milliseconds from the call to the first refusal, and, to tell the two apart, how long the
	 * call itself took until its answer (the rest is the event's way to the gateway and the poll).
	 */
	record Outcome(int samples, double p50, double p99, double max, int timeouts, double callP50, double callP99) {

		/** From the recorded microseconds; a sample never refused counts as a timeout, not a time. */
		static Outcome of(int samples, Histogram latency, Histogram call, int timeouts) {
			return new Outcome(samples, latency.getValueAtPercentile(50) / 1000.0,
					latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, timeouts,
					call.getValueAtPercentile(50) / 1000.0, call.getValueAtPercentile(99) / 1000.0);
		}

		boolean met() {
			return timeouts == 0 && p99 <= 100;
		}
	}

	private static final String PROBE = "/api/v1/partners/me";

	/**
	 * Samples taken first and not counted: the C1-compiled services' first calls of a path measured
	 * their compiling (p99 383 ms over the first 50 samples of a fresh stack, 123 ms over 200).
	 */
	static final int WARM_UP = 20;

	private final Stack stack;

	private final Api api;

	private final Partners partners;

	EnforcementLatency(Stack stack, Api api, Partners partners) {
		this.stack = stack;
		this.api = api;
		this.partners = partners;
	}

	Outcome run(List<Partners.Partner> subjects, int samples) {
		Histogram latency = new Histogram(60_000_000L, 3);
		Histogram call = new Histogram(60_000_000L, 3);
		int timeouts = 0;
		String operator = partners.operatorToken();
		Histogram discarded = new Histogram(60_000_000L, 3);
		for (int i = -WARM_UP; i < samples; i++) {
			boolean counted = i >= 0;
			Partners.Partner partner = subjects.get(Math.floorMod(i, subjects.size()));
			ObjectNode kase = Api.object()
				.put("partnerId", partner.partnerId())
				.put("category", "TERMS_VIOLATION")
				.put("description", "ベンチマーク: 執行までの時間の計測")
				.put("evidence", "ベンチマーク用の証跡");
			String caseId = api.post(stack.gateway() + "/api/v1/enforcement/cases", operator, kase).expect(201).text("id");
			ObjectNode suspension = Api.object().put("type", "SUSPENSION").put("note", "ベンチマーク");
			suspension.putObject("scope").put("all", true);
			long start = System.nanoTime();
			api.post(stack.gateway() + "/api/v1/enforcement/cases/" + Partners.encode(caseId) + "/measures", operator,
					suspension).expect(201);
			(counted ? call : discarded).recordValue((System.nanoTime() - start) / 1000);
			if (!timeToRefusal(counted ? latency : discarded, start,
					() -> api.status(stack.gateway() + PROBE, partner.token()) == 403) && counted) {
				timeouts++;
			}
			api.post(stack.gateway() + "/api/v1/enforcement/cases/" + Partners.encode(caseId) + "/resolution", operator,
					Api.object().put("note", "ベンチマーク: 解除")).expect(200);
			// Paced at the partner's own rate limit: the wait must not turn into 429s.
			if (!awaitStatus(partner.token(), 200, System.nanoTime(), 20)) {
				throw new IllegalStateException("partner " + partner.partnerId() + " not let in again within 10 s");
			}
			if (counted && (i + 1) % 50 == 0) {
				Bench.progress("enforcement latency: %d of %d samples, p99 so far %.1f ms", i + 1, samples,
						latency.getValueAtPercentile(99) / 1000.0);
			}
		}
		return Outcome.of(samples, latency, call, timeouts);
	}

	/**
	 * Polls every 2 ms, up to 10 s from {@code start} (System.nanoTime), until the gateway refuses,
	 * and records the microseconds to the first refusal; false if it never came.
	 */
	static boolean timeToRefusal(Histogram latency, long start, Callable<Boolean> refused) {
		if (!Partners.poll(left(start), Duration.ofMillis(2), refused)) {
			return false;
		}
		latency.recordValue((System.nanoTime() - start) / 1000);
		return true;
	}

	private boolean awaitStatus(String token, int expected, long since, long intervalMillis) {
		return Partners.poll(left(since), Duration.ofMillis(intervalMillis),
				() -> api.status(stack.gateway() + PROBE, token) == expected);
	}

	/** What is left of the 10 s, at least one look: Awaitility refuses a zero timeout. */
	private static Duration left(long since) {
		Duration left = Duration.ofSeconds(10).minusNanos(System.nanoTime() - since);
		return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
	}
}
