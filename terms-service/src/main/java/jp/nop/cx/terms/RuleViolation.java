package jp.nop.cx.terms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the terms refused a change. Thrown by aggregates and value types, which know no
 * HTTP; {@link RuleViolationAdvice} answers it as a problem whose {@code type} ends in
 * {@link #code()}.
 */
public class RuleViolation extends RuntimeException {

	/** What kind of refusal it is, which decides the status the web layer answers with. */
	public enum Kind {

		/** The request contradicts a rule (422). */
		INVALID,

		/** The text is larger than a published version may be (413). */
		TOO_LARGE

	}

	private final Kind kind;

	private final String code;

	private final String field;

	private final Map<String, Object> details = new LinkedHashMap<>();

	private RuleViolation(Kind kind, String code, String field) {
		super(code + ((field != null) ? " (" + field + ")" : ""));
		this.kind = kind;
		this.code = code;
		this.field = field;
	}

	/** {@code field} of the request broke the rule named {@code code}. */
	public static RuleViolation invalid(String code, String field) {
		return new RuleViolation(Kind.INVALID, code, field);
	}

	public static RuleViolation tooLarge(String code, String field) {
		return new RuleViolation(Kind.TOO_LARGE, code, field);
	}

	/** Adds a fact the client needs to correct the request, e.g. {@code earliestEffectiveFrom}. */
	public RuleViolation with(String name, Object value) {
		this.details.put(name, value);
		return this;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	/** The request field at fault, or {@code null}. */
	public String field() {
		return this.field;
	}

	public Map<String, Object> details() {
		return Collections.unmodifiableMap(this.details);
	}
}
