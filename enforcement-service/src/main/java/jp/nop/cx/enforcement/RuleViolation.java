package jp.nop.cx.enforcement;

import java.util.Objects;

/**
 * A rule of the terms refused a command. Raised by the domain, which knows nothing of HTTP;
 * {@link RuleViolationAdvice} answers it as a problem: 409 for a conflict with the current state,
 * 422 naming the field for input that a rule does not allow.
 */
public final class RuleViolation extends RuntimeException {

	/** Whether the command conflicts with the state, or its input breaks a rule. */
	public enum Kind {

		CONFLICT, INVALID

	}

	private final Kind kind;

	private final String code;

	private final String field;

	private final transient Object[] args;

	private RuleViolation(Kind kind, String code, String field, Object[] args) {
		super(code + ((field != null) ? " (" + field + ")" : ""));
		this.kind = kind;
		this.code = Objects.requireNonNull(code);
		this.field = field;
		this.args = args;
	}

	/** The command does not fit the current state, e.g. a measure on a resolved case. */
	public static RuleViolation conflict(String code, Object... args) {
		return new RuleViolation(Kind.CONFLICT, code, null, args);
	}

	/** {@code field} holds a value a rule does not allow, e.g. a resumption date in the past. */
	public static RuleViolation invalid(String field, String code, Object... args) {
		return new RuleViolation(Kind.INVALID, code, Objects.requireNonNull(field), args);
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

	public Object[] args() {
		return this.args.clone();
	}
}
