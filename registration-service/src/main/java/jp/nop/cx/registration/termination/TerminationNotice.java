package jp.nop.cx.registration.termination;

import java.time.LocalDate;

import jp.nop.cx.registration.partner.PartnerView.ScheduledTermination;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Art. 12.1 as it applies to one partner today: the notice period, the first day a notice given
 * now may take effect (a day in Tokyo), and the termination already scheduled, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerminationNotice(int noticePeriodDays, LocalDate earliestEffectiveOn, ScheduledTermination scheduled) {
}
