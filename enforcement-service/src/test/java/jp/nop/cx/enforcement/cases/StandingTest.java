package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.Capability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a partner's measures in force add up to its standing. */
class StandingTest {

	private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");

	@Test
	void aPartnerWithoutMeasuresInForceIsInGoodStanding() {
		Standing standing = Standing.derive(List.of(), NOW);

		assertThat(standing.status()).isEqualTo(StandingStatus.GOOD);
		assertThat(standing.suspendedAll()).isFalse();
		assertThat(standing.suspendedCapabilities()).isEmpty();
		assertThat(standing.throttleRequestsPerSecond()).isNull();
	}

	@Test
	void aWarningAloneMakesThePartnerWarned() {
		assertThat(Standing.derive(List.of(warning()), NOW).status()).isEqualTo(StandingStatus.WARNED);
	}

	@Test
	void aFullSuspensionOutranksEverythingElse() {
		Standing standing = Standing.derive(List.of(warning(), throttle(5),
				suspension(Scope.of(List.of(Capability.EXPORT))), suspension(Scope.wholeService())), NOW);

		assertThat(standing.status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(standing.suspendedAll()).isTrue();
	}

	@Test
	void aCapabilitySuspensionMakesThePartnerPartiallySuspendedInTheUnionOfTheNamedCapabilities() {
		Standing standing = Standing.derive(List.of(throttle(5),
				suspension(Scope.of(List.of(Capability.WEBHOOKS, Capability.EXPORT))),
				suspension(Scope.of(List.of(Capability.EXPORT)))), NOW);

		assertThat(standing.status()).isEqualTo(StandingStatus.PARTIALLY_SUSPENDED);
		assertThat(standing.suspendedAll()).isFalse();
		assertThat(standing.suspendedCapabilities()).containsExactly(Capability.WEBHOOKS, Capability.EXPORT);
		assertThat(standing.throttleRequestsPerSecond()).isEqualTo(5);
	}

	@Test
	void ofSeveralThrottlesTheLowestRateApplies() {
		Standing standing = Standing.derive(List.of(warning(), throttle(20), throttle(3), throttle(7)), NOW);

		assertThat(standing.status()).isEqualTo(StandingStatus.THROTTLED);
		assertThat(standing.throttleRequestsPerSecond()).isEqualTo(3);
	}

	@Test
	void anOtherMeasureIsShownButDoesNotChangeTheStatus() {
		Standing standing = Standing.derive(List.of(measure(MeasureType.OTHER, null, null)), NOW);

		assertThat(standing.status()).isEqualTo(StandingStatus.GOOD);
		assertThat(standing.activeMeasures()).hasSize(1);
	}

	@Test
	void standingsSayingTheSameAreTheSameWheneverDerived() {
		List<ActiveMeasure> measures = List.of(warning());

		assertThat(Standing.derive(measures, NOW).sameAs(Standing.derive(measures, NOW.plusSeconds(60)))).isTrue();
		assertThat(Standing.derive(measures, NOW).sameAs(Standing.derive(List.of(), NOW))).isFalse();
	}

	private static ActiveMeasure warning() {
		return measure(MeasureType.WARNING, null, null);
	}

	private static ActiveMeasure throttle(int rate) {
		return measure(MeasureType.THROTTLE, null, rate);
	}

	private static ActiveMeasure suspension(Scope scope) {
		return measure(MeasureType.SUSPENSION, scope, null);
	}

	private static int sequence;

	private static ActiveMeasure measure(MeasureType type, Scope scope, Integer rate) {
		return new ActiveMeasure("m-" + (++sequence), "case-1", Category.TERMS_VIOLATION, type, scope, rate,
				"是正してください。", NOW);
	}
}
