package jp.nop.cx.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the gateway counts as warm: its rate has stopped climbing and its JIT is nearly idle. */
class GatewayWarmUpTest {

	private static final List<Long> IDLE_JIT = List.of(9000L, 5000L, 2000L, 100L);

	@Test
	void aRateStillClimbingIsNotSteady() {
		assertThat(GatewayOverhead.steady(List.of(300.0, 420.0, 520.0, 600.0, 640.0), List.of(0L))).isFalse();
		assertThat(GatewayOverhead.steady(List.of(300.0, 600.0, 615.0, 640.0), IDLE_JIT)).as("3 % and 4 %, 7 % in all")
			.isFalse();
	}

	@Test
	void threeRoundsWithinFivePercentAfterTheMinimumWithAnIdleJitAreSteady() {
		assertThat(GatewayOverhead.steady(List.of(300.0, 700.0, 720.0, 710.0), IDLE_JIT)).isTrue();
	}

	@Test
	void aPlateauWhileTheCompilerStillWorksIsNotSteady() {
		// 194, 298, 298, 308 req/s, then 550 once C2's code arrived: the compiler was still busy.
		List<Double> plateau = List.of(194.0, 298.0, 298.0, 308.0);
		assertThat(GatewayOverhead.steady(plateau, List.of(9000L, 8000L, 6000L, 4000L))).isFalse();
		assertThat(GatewayOverhead.steady(plateau, List.of(9000L, 8000L, 6000L, 450L))).as("3 % of 15 s").isTrue();
		assertThat(GatewayOverhead.steady(plateau, List.of(9000L, 8000L, 6000L, -1L))).as("/proc cannot tell").isTrue();
	}

	@Test
	void fewerRoundsThanTheMinimumAreNeverSteady() {
		assertThat(GatewayOverhead.steady(List.of(700.0, 700.0, 700.0), List.of(0L, 0L, 0L))).isFalse();
	}

	@Test
	void theCompilerThreadsAreFoundByTheirNamesInProcStat() {
		String c2 = "4761 (C2 CompilerThre) S 4734 4167 4167 0 -1 1077936192 91 0 0 0 1520 33 0 0 20 0 43 0";
		String loop = "4790 (reactor-http-ep) S 4734 4167 4167 0 -1 1077936192 91 0 0 0 900 20 0 0 20 0 43 0";

		assertThat(JitActivity.isCompiler(c2)).isTrue();
		assertThat(JitActivity.isCompiler(loop)).isFalse();
		assertThat(JitActivity.cpuTicks(c2)).isEqualTo(1553);
	}

	@Test
	void aProcessThatIsNotThereHasNoFigure() {
		assertThat(JitActivity.compilerMillis(Long.MAX_VALUE)).isEqualTo(-1);
	}
}
