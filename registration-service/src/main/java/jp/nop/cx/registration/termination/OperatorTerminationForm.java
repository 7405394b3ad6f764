package jp.nop.cx.registration.termination;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.validation.MultiLine;

/** Art. 12.2: NOP's prior notice; NOP needs no particular reason, but records and tells it. */
public record OperatorTerminationForm(@NotNull LocalDate effectiveOn, @NotBlank @Size(max = 2000) @MultiLine String reason) {
}
