package jp.nop.cx.bench;

import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SPEC section 7's targets, as the figures of one run decide them. */
class VerdictTest {

	@Test
	void enforcementLatencyIsMetAtAP99Of100MsWithEverySampleRefused() {
		assertThat(new EnforcementLatency.Outcome(200, 8, 100, 140, 0, 5, 20).met()).isTrue();
		assertThat(new EnforcementLatency.Outcome(200, 8, 100.5, 140, 0, 5, 20).met()).isFalse();
		assertThat(new EnforcementLatency.Outcome(200, 8, 12, 40, 1, 5, 20).met()).as("one sample never refused").isFalse();
	}

	@Test
	void theLatencyOutcomeIsInMillisecondsFromTheRecordedMicroseconds() {
		Histogram latency = new Histogram(60_000_000L, 3);
		Histogram call = new Histogram(60_000_000L, 3);
		for (int i = 1; i <= 100; i++) {
			latency.recordValue(i * 1000L);
			call.recordValue(i * 200L);
		}

		EnforcementLatency.Outcome outcome = EnforcementLatency.Outcome.of(101, latency, call, 1);

		assertThat(outcome.samples()).isEqualTo(101);
		assertThat(outcome.p50()).isCloseTo(50, within(0.1));
		assertThat(outcome.p99()).isCloseTo(99, within(0.1));
		assertThat(outcome.max()).isCloseTo(100, within(0.1));
		assertThat(outcome.timeouts()).isEqualTo(1);
		assertThat(outcome.callP50()).isCloseTo(10, within(0.1));
		assertThat(outcome.callP99()).isCloseTo(19.8, within(0.1));
	}

	@Test
	void aRefusalIsRecordedAsTheTimeSinceTheCall() {
		Histogram latency = new Histogram(60_000_000L, 3);
		long start = System.nanoTime() - 5_000_000; // the call went out 5 ms ago

		assertThat(EnforcementLatency.timeToRefusal(latency, start, () -> true)).isTrue();

		assertThat(latency.getTotalCount()).isEqualTo(1);
		assertThat(latency.getMaxValue()).isGreaterThanOrEqualTo(5000);
	}

	@Test
	void aRefusalNotSeenWithinTenSecondsOfTheCallIsATimeoutNotATime() {
		Histogram latency = new Histogram(60_000_000L, 3);
		long longAgo = System.nanoTime() - 11_000_000_000L;

		assertThat(EnforcementLatency.timeToRefusal(latency, longAgo, () -> false)).isFalse();

		assertThat(latency.getTotalCount()).isZero();
	}

	@Test
	void gatewayOverheadIsMetAtHalfTheDirectRateWithoutErrors() {
		Wrk.Result direct = new Wrk.Result(100_000, 10, 0, 0, 1, 5);

		assertThat(point(new Wrk.Result(50_000, 10, 0, 0, 2, 9), direct).met()).isTrue();
		assertThat(point(new Wrk.Result(49_999, 10, 0, 0, 2, 9), direct).met()).isFalse();
		assertThat(point(new Wrk.Result(80_000, 10, 0, 1, 2, 9), direct).met()).as("one 5xx").isFalse();
		assertThat(point(new Wrk.Result(80_000, 10, 0, 0, 2, 9), new Wrk.Result(100_000, 10, 1, 0, 1, 5)).met())
			.as("a socket error on the direct run")
			.isFalse();
	}

	@Test
	void thePlainProxysRatioIsAFigureOnlyWhenNginxRan() {
		Wrk.Result direct = new Wrk.Result(100_000, 10, 0, 0, 1, 5);
		Wrk.Result gateway = new Wrk.Result(50_000, 10, 0, 0, 2, 9);

		assertThat(new GatewayOverhead.Point(64, gateway, direct, new Wrk.Result(90_000, 10, 0, 0, 1, 6)).proxyRatio())
			.isCloseTo(0.9, within(1e-9));
		assertThat(point(gateway, direct).proxyRatio()).isNaN();
	}

	@Test
	void overloadIsMetWhenWithinTenPercentOfTheLimitPassAndNothingElseSuffers() {
		// 20/s with a burst of 40 (40 more every 2 s), 800 sent over 9.99 s: 200 or 240 pass by phase.
		assertThat(overload(240, Map.of(), 30, 20, 15, 0).allowedLow()).isEqualTo(200);
		assertThat(overload(240, Map.of(), 30, 20, 15, 0).allowedHigh()).isEqualTo(240);
		assertThat(overload(200, Map.of(), 30, 20, 15, 0).met()).isTrue();
		assertThat(overload(180, Map.of(), 30, 20, 15, 0).met()).isTrue();
		assertThat(overload(179, Map.of(), 30, 20, 15, 0).met()).as("too few passed").isFalse();
		assertThat(overload(264, Map.of(), 30, 20, 15, 0).met()).isTrue();
		assertThat(overload(265, Map.of(), 30, 20, 15, 0).met()).as("too many passed").isFalse();
		assertThat(overload(240, Map.of(503, 1L), 30, 20, 15, 0).met()).as("an answer other than 200 or 429").isFalse();
		assertThat(overload(240, Map.of(), 101, 12, 15, 0).met()).as("429 not prompt").isFalse();
		assertThat(overload(240, Map.of(), 30, 20, 60, 0).met()).isTrue();
		assertThat(overload(240, Map.of(), 30, 20, 61, 0).met()).as("the other route over three times slower").isFalse();
		assertThat(overload(240, Map.of(), 30, 5, 50, 0).met()).as("a fast route may reach 50 ms").isTrue();
		assertThat(overload(240, Map.of(), 30, 12, 15, 1).met()).as("the other route failed").isFalse();
	}

	@Test
	void fanOutIsMetAt2000NoticesPerSecondExactlyOncePerChannel() {
		assertThat(new FanOutBench.Outcome(10_000, 10_000, 10_000, 0, 10, true).met()).isTrue();
		assertThat(new FanOutBench.Outcome(10_000, 10_000, 10_000, 0, 10.1, true).met()).isFalse();
		assertThat(new FanOutBench.Outcome(10_000, 10_000, 10_000, 1, 5, true).met()).as("a duplicate").isFalse();
		assertThat(new FanOutBench.Outcome(10_000, 9_000, 10_000, 0, 5, false).met()).as("incomplete").isFalse();
	}

	@Test
	void aRowsVerdictIsMetNotMetOrADashWhenNotMeasured() {
		assertThat(new Row("a", "t", "f", true).verdict()).isEqualTo("met");
		assertThat(new Row("a", "t", "f", false).verdict()).isEqualTo("NOT met");
		Row notMeasured = Row.notMeasured("fan-out", "≥ 2,000 notices/s", "notification-service is not running");
		assertThat(notMeasured.verdict()).isEqualTo("—");
		assertThat(notMeasured.figure()).isEqualTo("not measured: notification-service is not running");
	}

	private static GatewayOverhead.Point point(Wrk.Result gateway, Wrk.Result direct) {
		return new GatewayOverhead.Point(64, gateway, direct, null);
	}

	private static Overload.Outcome overload(long accepted, Map<Integer, Long> other, double refusedP99,
			double otherBefore, double otherDuring, long otherErrors) {
		return new Overload.Outcome(20, 40, 10, 799 / 80.0, 800, accepted, 800 - accepted, other, refusedP99, otherBefore,
				otherDuring, otherErrors);
	}
}
