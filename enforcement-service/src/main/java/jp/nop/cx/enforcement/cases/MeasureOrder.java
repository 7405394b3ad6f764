package jp.nop.cx.enforcement.cases;

import java.util.Objects;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.platform.rules.RuleViolation;

/**
 * What an operator orders: a measure of a type, with what it needs and nothing it cannot use.
 * A suspension names its scope (Art. 7.2(2): the whole or a part); a throttle names the rate;
 * a warning may name the capabilities it concerns (without a scope it concerns the partner's use
 * as a whole), and is enforced nowhere. The note is what the partner is told; the
 * internal note is NOP's own.
 */
public record MeasureOrder(MeasureType type, Scope scope, Integer requestsPerSecond, String note,
		String internalNote) {

	public MeasureOrder(MeasureType type, Scope scope, Integer requestsPerSecond, String note) {
		this(type, scope, requestsPerSecond, note, null);
	}

	public MeasureOrder {
		Objects.requireNonNull(type, "type");
		switch (type) {
			case SUSPENSION -> {
				if (scope == null) {
					throw RuleViolation.invalid("scope", "suspension-needs-scope");
				}
				noRate(requestsPerSecond);
			}
			case THROTTLE -> {
				if (requestsPerSecond == null || requestsPerSecond < 1) {
					throw RuleViolation.invalid("requestsPerSecond", "throttle-needs-rate");
				}
				noScope(scope);
			}
			// Art. 7.2: a warning may concern a part of the use (its notice names it); Art. 7.2(3): an
			// OTHER measure may say what it concerns. Both are recorded, neither is enforced.
			case WARNING, OTHER -> noRate(requestsPerSecond);
		}
	}

	public static MeasureOrder warning(Scope scope, String note) {
		return new MeasureOrder(MeasureType.WARNING, scope, null, note);
	}

	public static MeasureOrder warning(String note) {
		return new MeasureOrder(MeasureType.WARNING, null, null, note);
	}

	public static MeasureOrder suspension(Scope scope, String note) {
		return new MeasureOrder(MeasureType.SUSPENSION, scope, null, note);
	}

	public static MeasureOrder throttle(int requestsPerSecond, String note) {
		return new MeasureOrder(MeasureType.THROTTLE, null, requestsPerSecond, note);
	}

	public static MeasureOrder other(String note) {
		return new MeasureOrder(MeasureType.OTHER, null, null, note);
	}

	private static void noScope(Scope scope) {
		if (scope != null) {
			throw RuleViolation.invalid("scope", "scope-only-for-suspension");
		}
	}

	private static void noRate(Integer requestsPerSecond) {
		if (requestsPerSecond != null) {
			throw RuleViolation.invalid("requestsPerSecond", "rate-only-for-throttle");
		}
	}
}
