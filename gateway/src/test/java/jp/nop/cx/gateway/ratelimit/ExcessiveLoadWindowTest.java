package jp.nop.cx.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.nop.cx.gateway.ratelimit.ExcessiveLoadDetector.Window;
import jp.nop.cx.gateway.ratelimit.ExcessiveLoadDetector.Window.Crossing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcessiveLoadWindowTest {

	private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

	private static final Duration WINDOW = Duration.ofSeconds(10);

	private final Window window = new Window();

	@Test
	void sustainedExcessIsReportedOncePerWindow() {
		List<Crossing> crossings = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			record(crossings, T0.plusMillis(i * 10L));
		}

		assertThat(crossings).containsExactly(new Crossing(T0, 100));
	}

	@Test
	void aNewWindowMayBeReportedAgain() {
		List<Crossing> crossings = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			record(crossings, T0);
		}
		for (int i = 0; i < 100; i++) {
			record(crossings, T0.plus(WINDOW));
		}

		assertThat(crossings).containsExactly(new Crossing(T0, 100), new Crossing(T0.plus(WINDOW), 100));
	}

	@Test
	void refusalsSpreadOverMoreThanTheWindowAreNotSustainedExcess() {
		List<Crossing> crossings = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			record(crossings, T0.plusMillis(i * 200L));
		}

		assertThat(crossings).isEmpty();
	}

	private void record(List<Crossing> crossings, Instant at) {
		Crossing crossing = this.window.refused(at, WINDOW, 100);
		if (crossing != null) {
			crossings.add(crossing);
		}
	}
}
