package jp.nop.cx.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the gateway counts as warm: its rate has stopped climbing. */
class GatewayWarmUpTest {

	@Test
	void aRateStillClimbingIsNotSteady() {
		assertThat(GatewayOverhead.steady(List.of(300.0, 420.0, 520.0, 600.0, 640.0))).isFalse();
		assertThat(GatewayOverhead.steady(List.of(300.0, 600.0, 615.0, 640.0))).as("3 % and 4 %, 7 % in all").isFalse();
	}

	@Test
	void threeRoundsWithinFivePercentAfterTheMinimumAreSteady() {
		assertThat(GatewayOverhead.steady(List.of(300.0, 700.0, 720.0, 710.0))).isTrue();
	}

	@Test
	void fewerRoundsThanTheMinimumAreNeverSteady() {
		assertThat(GatewayOverhead.steady(List.of(700.0, 700.0, 700.0))).isFalse();
	}
}
