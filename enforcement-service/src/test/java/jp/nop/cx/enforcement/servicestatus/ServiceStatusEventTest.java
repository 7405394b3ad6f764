package jp.nop.cx.enforcement.servicestatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.Capability;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of service-status events (Art. 8, 9, 10, 11.3). */
class ServiceStatusEventTest {

	private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");

	private static final Duration BACKDATING = Duration.ofDays(7);

	@Test
	void theReasonMustBeOneOfItsKind() {
		assertThatThrownBy(() -> declare(Kind.MAINTENANCE, Reason.NATURAL_DISASTER, NOW.plusSeconds(60), null, false))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.field()).isEqualTo("reason");
				assertThat(v.code()).isEqualTo("reason-of-other-kind");
			});
	}

	@Test
	void theEndFollowsTheStart() {
		assertThatThrownBy(() -> declare(Kind.MAINTENANCE, Reason.VERSION_UP, NOW.plusSeconds(3600),
				NOW.plusSeconds(1800), false))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("ends-before-start"));
		assertThatThrownBy(() -> declare(Kind.MAINTENANCE, Reason.VERSION_UP, NOW.minusSeconds(3600),
				NOW.minusSeconds(60), false))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("ends-in-past"));
	}

	@Test
	void anInterruptionUnderWayMayBeDeclaredAfterItStarted() {
		ServiceStatusEvent event = declare(Kind.INTERRUPTION, Reason.FACILITY_FAILURE, NOW.minusSeconds(1200), null,
				false);

		assertThat(event.stateAt(NOW)).isEqualTo(State.ACTIVE);
		assertThat(published(event).state()).isEqualTo("ACTIVE");
	}

	@Test
	void aStartLongerAgoThanTheBackdatingLimitIsRefused() {
		assertThatThrownBy(() -> declare(Kind.INTERRUPTION, Reason.FACILITY_FAILURE, NOW.minus(Duration.ofDays(8)),
				null, false))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("startsAt"));
	}

	@Test
	void aDiscontinuationIsAnnouncedBeforeItTakesEffectUnlessUrgent() {
		assertThatThrownBy(() -> declare(Kind.DISCONTINUATION, Reason.PROVIDER_ENDED, NOW, null, false))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("discontinuation-needs-notice"));

		assertThat(declare(Kind.DISCONTINUATION, Reason.UNAVOIDABLE, NOW, null, true).stateAt(NOW))
			.isEqualTo(State.ACTIVE);
		assertThat(declare(Kind.DISCONTINUATION, Reason.BY_NOTICE, NOW.plus(Duration.ofDays(90)), null, false)
			.stateAt(NOW)).isEqualTo(State.SCHEDULED);
	}

	@Test
	void aScheduledEventTakesEffectAtItsStartAndEndsAtItsEndWithoutAnyoneActing() {
		Instant startsAt = NOW.plusSeconds(3600);
		Instant endsAt = startsAt.plusSeconds(7200);
		ServiceStatusEvent event = declare(Kind.MAINTENANCE, Reason.MAINTENANCE, startsAt, endsAt, false);
		assertThat(published(event).state()).isEqualTo("SCHEDULED");

		assertThat(event.announceTransition(startsAt.minusMillis(1))).isFalse();
		assertThat(event.announceTransition(startsAt)).isTrue();
		assertThat(published(event).state()).isEqualTo("ACTIVE");
		assertThat(event.announceTransition(startsAt.plusSeconds(1))).isFalse();

		assertThat(event.announceTransition(endsAt)).isTrue();
		assertThat(published(event).state()).isEqualTo("ENDED");
		assertThat(event.raisedEvents()).hasSize(3);
	}

	@Test
	void endingAnEventEndsItNowAndOnlyOnce() {
		ServiceStatusEvent event = declare(Kind.RESTRICTION, Reason.NATURAL_DISASTER, NOW.minusSeconds(60), null,
				false);

		event.end("operator", NOW);

		ServiceStatusChanged ended = published(event);
		assertThat(ended.state()).isEqualTo("ENDED");
		assertThat(ended.endsAt()).isEqualTo(NOW);
		assertThat(event.stateAt(NOW)).isEqualTo(State.ENDED);
		assertThatThrownBy(() -> event.end("operator", NOW.plusSeconds(1)))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("service-status-ended"));
	}

	@Test
	void endingAScheduledEventCallsItOff() {
		ServiceStatusEvent event = declare(Kind.MAINTENANCE, Reason.VERSION_UP, NOW.plusSeconds(3600), null, false);

		event.end("operator", NOW);

		assertThat(event.stateAt(NOW.plusSeconds(7200))).isEqualTo(State.ENDED);
		assertThat(event.announceTransition(NOW.plusSeconds(7200))).isFalse();
	}

	@Test
	void thePublishedEventCarriesScopeAndUrgency() {
		ServiceStatusEvent event = ServiceStatusEvent.declare(
				new Declaration(Kind.DISCONTINUATION, Reason.FACILITY_END_OF_LIFE,
						Scope.of(List.of(Capability.EXPORT)), NOW.plus(Duration.ofDays(30)), null, false, "エクスポート機能の廃止"),
				"operator", NOW, BACKDATING);

		ServiceStatusChanged changed = published(event);
		assertThat(changed.eventId()).isEqualTo(event.id());
		assertThat(changed.partitionKey()).isEqualTo(event.id());
		assertThat(changed.all()).isFalse();
		assertThat(changed.capabilities()).containsExactly(Capability.EXPORT);
		assertThat(changed.kind()).isEqualTo("DISCONTINUATION");
		assertThat(changed.reason()).isEqualTo("FACILITY_END_OF_LIFE");
		assertThat(changed.urgent()).isFalse();
	}

	private static ServiceStatusEvent declare(Kind kind, Reason reason, Instant startsAt, Instant endsAt,
			boolean urgent) {
		return ServiceStatusEvent.declare(
				new Declaration(kind, reason, Scope.wholeService(), startsAt, endsAt, urgent, null), "operator", NOW,
				BACKDATING);
	}

	private static ServiceStatusChanged published(ServiceStatusEvent event) {
		return (ServiceStatusChanged) event.raisedEvents().get(event.raisedEvents().size() - 1);
	}
}
