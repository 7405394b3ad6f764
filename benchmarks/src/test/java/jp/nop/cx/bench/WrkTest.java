package jp.nop.cx.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WrkTest {

	/** wrk's own report, then the line rotate-tokens.lua's done() writes. */
	private static final String OUTPUT = """
			Running 10s test @ http://127.0.0.1:8080/api/v1/partners/me
			  1 threads and 64 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     4.10ms    1.20ms  40.00ms   90.00%
			  52000 requests in 10.00s, 20.00MB read
			CXBENCH 52000 10000000 1 2 3 4 5 3750 12500
			Requests/sec:   5200.00
			""";

	@Test
	void theSummaryLineGivesRequestsRateAndLatencyInMilliseconds() {
		Wrk.Result result = Wrk.parse(OUTPUT);

		assertThat(result.requests()).isEqualTo(52000);
		assertThat(result.seconds()).isEqualTo(10.0);
		assertThat(result.rate()).isEqualTo(5200.0);
		assertThat(result.p50()).isEqualTo(3.75);
		assertThat(result.p99()).isEqualTo(12.5);
	}

	@Test
	void connectReadWriteErrorsAndTimeoutsAreSocketErrorsAndNon2xxAnswersAreCountedApart() {
		Wrk.Result result = Wrk.parse(OUTPUT);

		assertThat(result.socketErrors()).isEqualTo(1 + 2 + 3 + 5);
		assertThat(result.non2xx()).isEqualTo(4);
		assertThat(result.errors()).isEqualTo(15);
	}

	@Test
	void aRunWithoutTheSummaryLineIsAFailureNotAZeroFigure() {
		assertThatIllegalStateException().isThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:8080 Connection refused\n"))
			.withMessageContaining("no summary");
	}

	@Test
	void twoRunsAsOneAddEveryRequestAndErrorAndKeepTheHigherLatencies() {
		Wrk.Result first = new Wrk.Result(6000, 10, 1, 2, 8, 40);
		Wrk.Result second = new Wrk.Result(8000, 10, 0, 3, 9, 30);

		Wrk.Result both = first.and(second);

		assertThat(both.rate()).isEqualTo(700);
		assertThat(both.errors()).isEqualTo(6);
		assertThat(both.p50()).isEqualTo(9);
		assertThat(both.p99()).isEqualTo(40);
	}
}
