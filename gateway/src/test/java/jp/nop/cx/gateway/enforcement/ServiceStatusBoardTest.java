package jp.nop.cx.gateway.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.gateway.enforcement.ServiceStatusBoard.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceStatusBoardTest {

	private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

	private final ServiceStatusBoard board = new ServiceStatusBoard();

	@Test
	void aScheduledEventTakesEffectAtItsStartWithoutAnyoneActing() {
		this.board.apply(event("e-1", "MAINTENANCE", List.of(), NOW.plusSeconds(60), NOW.plusSeconds(3600), "SCHEDULED"));

		assertThat(this.board.eventInForce(Capability.TERMS, false, NOW)).isEmpty();
		assertThat(this.board.eventInForce(Capability.TERMS, false, NOW.plusSeconds(60))).isPresent();
	}

	@Test
	void anEventNoLongerAppliesFromItsEnd() {
		this.board.apply(event("e-1", "INTERRUPTION", List.of(), NOW, NOW.plusSeconds(60), "ACTIVE"));

		assertThat(this.board.eventInForce(Capability.TERMS, false, NOW.plusSeconds(59))).isPresent();
		assertThat(this.board.eventInForce(Capability.TERMS, false, NOW.plusSeconds(60))).isEmpty();
	}

	@Test
	void anEndedEventNoLongerApplies() {
		this.board.apply(event("e-1", "INTERRUPTION", List.of(), NOW, null, "ACTIVE"));
		this.board.apply(event("e-1", "INTERRUPTION", List.of(), NOW, null, "ENDED"));

		assertThat(this.board.eventInForce(Capability.TERMS, false, NOW)).isEmpty();
	}

	@Test
	void aRestrictionRefusesWritesOnly() {
		this.board.apply(event("e-1", "RESTRICTION", List.of(), NOW, null, "ACTIVE"));

		assertThat(this.board.eventInForce(Capability.REGISTRATION, false, NOW)).isEmpty();
		assertThat(this.board.eventInForce(Capability.REGISTRATION, true, NOW)).map(ServiceStatusBoard.ServiceStatusEvent::kind)
			.contains(Kind.RESTRICTION);
	}

	@Test
	void onlyTheNamedCapabilitiesAreAffected() {
		this.board.apply(event("e-1", "DISCONTINUATION", List.of(Capability.WEBHOOKS), NOW, null, "ACTIVE"));

		assertThat(this.board.eventInForce(Capability.WEBHOOKS, true, NOW)).isPresent();
		assertThat(this.board.eventInForce(Capability.NOTIFICATIONS, true, NOW)).isEmpty();
	}

	@Test
	void theGravestEventWins() {
		this.board.apply(event("e-1", "MAINTENANCE", List.of(), NOW, NOW.plusSeconds(600), "ACTIVE"));
		this.board.apply(event("e-2", "DISCONTINUATION", List.of(Capability.EXPORT), NOW, null, "ACTIVE"));
		this.board.apply(event("e-3", "RESTRICTION", List.of(), NOW, null, "ACTIVE"));

		assertThat(this.board.eventInForce(Capability.EXPORT, true, NOW)).map(ServiceStatusBoard.ServiceStatusEvent::kind)
			.contains(Kind.DISCONTINUATION);
		assertThat(this.board.eventInForce(Capability.TERMS, true, NOW)).map(ServiceStatusBoard.ServiceStatusEvent::kind)
			.contains(Kind.MAINTENANCE);
	}

	@Test
	void maintenanceKnowsHowLongItHasLeft() {
		this.board.apply(event("e-1", "MAINTENANCE", List.of(), NOW, NOW.plusSeconds(90), "ACTIVE"));

		assertThat(this.board.eventInForce(Capability.TERMS, false, NOW).orElseThrow().remaining(NOW))
			.contains(Duration.ofSeconds(90));
	}

	@Test
	void anUnknownKindIsIgnored() {
		this.board.apply(event("e-1", "SOLAR_ECLIPSE", List.of(), NOW, null, "ACTIVE"));

		assertThat(this.board.eventInForce(Capability.TERMS, true, NOW)).isEmpty();
	}

	private static ServiceStatusChanged event(String id, String kind, List<Capability> capabilities, Instant startsAt,
			Instant endsAt, String state) {
		return new ServiceStatusChanged(id, kind, "REASON", capabilities.isEmpty(), capabilities, startsAt, endsAt,
				false, state, NOW);
	}
}
