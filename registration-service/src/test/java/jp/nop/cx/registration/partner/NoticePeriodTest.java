package jp.nop.cx.registration.partner;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 12: notice is counted in calendar days of Japan, whatever the server's time zone. */
class NoticePeriodTest {

	private final NoticePeriod thirtyDays = new NoticePeriod(30);

	@Test
	void todayIsTheDayInTokyoNotInUtc() {
		// 23:59:59 UTC on 31 March is 08:59:59 on 1 April in Tokyo.
		assertThat(NoticePeriod.today(Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
		// 14:59:59 UTC is 23:59:59 in Tokyo: still the same day; one second later it is the next.
		assertThat(NoticePeriod.today(Instant.parse("2026-03-31T14:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(NoticePeriod.today(Instant.parse("2026-03-31T15:00:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void earliestDateMovesAtMidnightInTokyo() {
		assertThat(this.thirtyDays.earliestEffectiveOn(Instant.parse("2026-03-31T14:59:59Z")))
			.isEqualTo(LocalDate.of(2026, 4, 30));
		assertThat(this.thirtyDays.earliestEffectiveOn(Instant.parse("2026-03-31T15:00:00Z")))
			.isEqualTo(LocalDate.of(2026, 5, 1));
	}

	@Test
	void thirtyDaysFromTheEndOfJanuaryCrossFebruary() {
		// 2027 is not a leap year: 31 January + 30 days = 2 March.
		assertThat(this.thirtyDays.earliestEffectiveOn(Instant.parse("2027-01-31T03:00:00Z")))
			.isEqualTo(LocalDate.of(2027, 3, 2));
		// 2028 is: 31 January + 30 days = 1 March.
		assertThat(this.thirtyDays.earliestEffectiveOn(Instant.parse("2028-01-31T03:00:00Z")))
			.isEqualTo(LocalDate.of(2028, 3, 1));
	}

	@Test
	void noticeGivenOnALeapDayCountsFromIt() {
		assertThat(this.thirtyDays.earliestEffectiveOn(Instant.parse("2028-02-29T00:00:00Z")))
			.isEqualTo(LocalDate.of(2028, 3, 30));
	}

	@Test
	void theEarliestDayItselfIsAllowedTheDayBeforeIsNot() {
		Instant now = Instant.parse("2026-12-31T10:00:00Z");
		assertThat(this.thirtyDays.allows(LocalDate.of(2027, 1, 30), now)).isTrue();
		assertThat(this.thirtyDays.allows(LocalDate.of(2027, 1, 29), now)).isFalse();
		assertThat(this.thirtyDays.allows(LocalDate.of(2026, 12, 1), now)).isFalse();
	}

	@Test
	void aTerminationTakesEffectAtMidnightTokyoWhichIsThreePmUtcTheDayBefore() {
		assertThat(NoticePeriod.startOf(LocalDate.of(2027, 3, 1))).isEqualTo(Instant.parse("2027-02-28T15:00:00Z"));
	}
}
