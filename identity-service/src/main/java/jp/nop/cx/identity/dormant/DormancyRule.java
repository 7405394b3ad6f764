package jp.nop.cx.identity.dormant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Art. 4.5: an ID not used for {@code periodDays} calendar days (counted in {@code zone}, Asia/Tokyo)
 * may be deleted. An ID last used (or created, activated or reissued) on day D is kept through
 * day D + periodDays − 1 and deleted by the sweep on day D + periodDays or later.
 */
public record DormancyRule(int periodDays, ZoneId zone) {

	/** IDs whose last activity lies before this instant are dormant at {@code now}. */
	public Instant cutoff(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		LocalDate lastDormantDay = today.minusDays(this.periodDays);
		return lastDormantDay.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	public boolean isDormant(Instant lastActivity, Instant now) {
		return lastActivity.isBefore(cutoff(now));
	}
}
