package jp.nop.cx.gateway.enforcement;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerStanding;
import jp.nop.cx.events.PartnerStanding.ActiveMeasure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerStandingsTest {

	private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");

	private final PartnerStandings standings = new PartnerStandings();

	@Test
	void aWholeSuspensionBlocksEveryCapabilityAndNamesTheMeasure() {
		this.standings.apply(standing("p-1", true, List.of(), null, AT, suspension("m-1", "c-1")));

		assertThat(this.standings.suspension("p-1", Capability.TERMS)).hasValueSatisfying((s) -> {
			assertThat(s.measureId()).isEqualTo("m-1");
			assertThat(s.caseId()).isEqualTo("c-1");
			assertThat(s.all()).isTrue();
		});
	}

	@Test
	void aPartialSuspensionBlocksOnlyItsCapabilities() {
		this.standings.apply(standing("p-1", false, List.of(Capability.WEBHOOKS, Capability.EXPORT), null, AT, suspension("m-1", "c-1")));

		assertThat(this.standings.suspension("p-1", Capability.WEBHOOKS)).isPresent();
		assertThat(this.standings.suspension("p-1", Capability.EXPORT)).isPresent();
		assertThat(this.standings.suspension("p-1", Capability.REGISTRATION)).isEmpty();
	}

	@Test
	void liftingTheMeasuresForgetsThePartner() {
		this.standings.apply(standing("p-1", true, List.of(), 5, AT, suspension("m-1", "c-1")));
		this.standings.apply(standing("p-1", false, List.of(), null, AT.plusSeconds(1)));

		assertThat(this.standings.suspension("p-1", Capability.TERMS)).isEmpty();
		assertThat(this.standings.throttle("p-1")).isEmpty();
	}

	@Test
	void aThrottleLowersTheRateLimitWithoutBlocking() {
		this.standings.apply(standing("p-1", false, List.of(), 2, AT));

		assertThat(this.standings.throttle("p-1")).hasValue(2);
		assertThat(this.standings.suspension("p-1", Capability.TERMS)).isEmpty();
	}

	@Test
	void anOlderStandingDoesNotOverrideANewerOne() {
		this.standings.apply(standing("p-1", true, List.of(), null, AT.plusSeconds(10), suspension("m-2", "c-2")));
		this.standings.apply(standing("p-1", false, List.of(Capability.WEBHOOKS), null, AT, suspension("m-1", "c-1")));

		assertThat(this.standings.suspension("p-1", Capability.TERMS)).map(PartnerStandings.Suspension::measureId)
			.contains("m-2");
	}

	private static ActiveMeasure suspension(String measureId, String caseId) {
		return new ActiveMeasure(measureId, caseId, "SUSPENSION", "TERMS_VIOLATION");
	}

	private static PartnerStanding standing(String partnerId, boolean all, List<Capability> capabilities, Integer throttle,
			Instant updatedAt, ActiveMeasure... measures) {
		return new PartnerStanding(partnerId, all ? "SUSPENDED" : "GOOD", all, capabilities, throttle,
				List.of(measures), updatedAt);
	}
}
