package jp.nop.cx.registration.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.validation.MultiLine;

/** Art. 2.1: why NOP declines; the applicant is told. */
public record RejectionForm(@NotBlank @Size(max = 2000) @MultiLine String reason) {
}
