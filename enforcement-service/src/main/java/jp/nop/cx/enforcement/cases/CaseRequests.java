package jp.nop.cx.enforcement.cases;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.nop.cx.enforcement.capability.ScopeRequest;
import jp.nop.cx.platform.validation.MultiLine;

/** The bodies operators send to the case endpoints. */
final class CaseRequests {

	/** Partner IDs as registration-service issues them: no spaces, no operators, no markup. */
	static final String PARTNER_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

	private CaseRequests() {
	}

	/** Art. 7.1: {@code evidence} is free text (log excerpts, references to stored material). */
	record OpenCase(@NotBlank @Pattern(regexp = PARTNER_ID) String partnerId, @NotNull Category category,
			@NotBlank @Size(max = 4000) @MultiLine String description,
			@Size(max = 20000) @MultiLine String evidence) {
	}

	/** Art. 7.2. */
	/** Art. 7.2: {@code note} is what the partner is told, {@code internalNote} NOP's own. */
	record ImposeMeasure(@NotNull MeasureType type, @Valid ScopeRequest scope,
			@Min(1) @Max(1_000_000) Integer requestsPerSecond, @NotBlank @Size(max = 4000) @MultiLine String note,
			@Size(max = 4000) @MultiLine String internalNote) {

		MeasureOrder toOrder() {
			return new MeasureOrder(this.type, (this.scope != null) ? this.scope.toScope("scope") : null,
					this.requestsPerSecond, this.note, this.internalNote);
		}
	}

	/** Art. 7.6: a whole number of yen, so that 1.5 is refused rather than rounded. */
	record ClaimDamages(@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 0) BigDecimal amount,
			@NotBlank @Size(max = 4000) @MultiLine String description) {
	}

	/** Art. 7.5. */
	record Resolve(Instant resumeAt, @NotBlank @Size(max = 4000) @MultiLine String note, @Size(max = 4000) @MultiLine String internalNote) {
	}

	/** Art. 7.5: agreement to a proposal; {@code note} (optional) goes to the partner with it. */
	record Agree(@Size(max = 4000) @MultiLine String note, @Size(max = 4000) @MultiLine String internalNote) {
	}

	/** Art. 7.5: why NOP declines; the partner is told. */
	record Refuse(@NotBlank @Size(max = 4000) @MultiLine String reason, @Size(max = 4000) @MultiLine String internalNote) {
	}

	/** Art. 7.5: the partner's statement that the cause is removed, and when it proposes to resume. */
	record Propose(@NotBlank @Size(max = 4000) @MultiLine String statement, @NotNull Instant proposedResumeAt) {
	}
}
