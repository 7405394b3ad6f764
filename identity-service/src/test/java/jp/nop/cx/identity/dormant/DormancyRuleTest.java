package jp.nop.cx.identity.dormant;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DormancyRuleTest {

	private final DormancyRule rule = new DormancyRule(180, ZoneId.of("Asia/Tokyo"));

	/** 2026-01-10 23:30 in Tokyo, which is still 2026-01-10 14:30 UTC. */
	private static final Instant LAST_USE = Instant.parse("2026-01-10T14:30:00Z");

	@Test
	void idLastUsedOnDayDIsKeptThroughDayD179() {
		// 2026-07-08 23:59:59 in Tokyo is day 179.
		assertThat(this.rule.isDormant(LAST_USE, Instant.parse("2026-07-08T14:59:59Z"))).isFalse();
	}

	@Test
	void idLastUsedOnDayDIsDormantOnDayD180InTokyo() {
		// 2026-07-09 00:00 in Tokyo (still 2026-07-08 in UTC) is day 180.
		assertThat(this.rule.isDormant(LAST_USE, Instant.parse("2026-07-08T15:00:00Z"))).isTrue();
	}

	@Test
	void daysAreTokyoDaysNotUtcDays() {
		// 2026-01-11 00:10 in Tokyo is 2026-01-10 in UTC but already day D+1 in Tokyo.
		Instant lateUse = Instant.parse("2026-01-10T15:10:00Z");
		assertThat(this.rule.isDormant(lateUse, Instant.parse("2026-07-08T15:00:00Z"))).isFalse();
		assertThat(this.rule.isDormant(lateUse, Instant.parse("2026-07-09T15:00:00Z"))).isTrue();
	}

	@Test
	void cutoffIsTheStartOfTheDayAfterTheLastDormantDay() {
		assertThat(this.rule.cutoff(Instant.parse("2026-07-08T15:00:00Z")))
			.isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
	}
}
