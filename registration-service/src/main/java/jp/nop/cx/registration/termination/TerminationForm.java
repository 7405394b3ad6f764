package jp.nop.cx.registration.termination;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** Art. 12.1: the partner's notice; {@code effectiveOn} is a date in Asia/Tokyo. */
public record TerminationForm(@NotNull LocalDate effectiveOn) {
}
