package jp.nop.cx.identity.mfa;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The second factor (TOTP, RFC 6238), under {@code cx.identity.mfa}.
 *
 * @param operator whether operators must have it ({@code CX_OPERATOR_MFA}): {@code required}
 * (the default; only the local demo and the tests say {@code optional})
 * @param issuer the name authenticator apps show beside the code ({@code otpauth://} issuer)
 * @param challengeTtl how long the challenge of a sign-in waits for its code
 * @param challengeAttempts wrong codes one challenge takes before it is spent
 * @param recoveryCodes how many single-use recovery codes a confirmation hands out
 * @param pendingTtl how long a started enrolment waits for its confirmation
 */
@Validated
@ConfigurationProperties("cx.identity.mfa")
public record MfaProperties(@DefaultValue("required") @NotNull OperatorMfa operator,
		@DefaultValue("CX Portal") @NotBlank String issuer, @DefaultValue("5m") @NotNull Duration challengeTtl,
		@DefaultValue("5") @Min(1) int challengeAttempts, @DefaultValue("10") @Min(1) @Max(50) int recoveryCodes,
		@DefaultValue("15m") @NotNull Duration pendingTtl) {

	/** Whether an operator must have a second factor before its tokens are good for anything. */
	public enum OperatorMfa {

		REQUIRED, OPTIONAL
	}

	public boolean operatorsMustEnrol() {
		return this.operator == OperatorMfa.REQUIRED;
	}
}
