package jp.nop.cx.registration.partner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the rules of the terms refuse. {@code code} names the rule (and the problem type the
 * web layer answers with); {@code members} carry what the caller needs to do better, such as
 * the terms version in force or the earliest permitted date.
 */
public class RuleViolation extends RuntimeException {

	/** Refused because of the record's current state, or because of what was asked. */
	public enum Kind {
		CONFLICT, UNPROCESSABLE
	}

	private final Kind kind;

	private final String code;

	private final transient Object[] args;

	private final transient Map<String, Object> members = new LinkedHashMap<>();

	private String field;

	private RuleViolation(Kind kind, String code, Object[] args) {
		super(code);
		this.kind = kind;
		this.code = code;
		this.args = args;
	}

	public static RuleViolation conflict(String code, Object... args) {
		return new RuleViolation(Kind.CONFLICT, code, args);
	}

	public static RuleViolation unprocessable(String code, Object... args) {
		return new RuleViolation(Kind.UNPROCESSABLE, code, args);
	}

	public RuleViolation with(String name, Object value) {
		this.members.put(name, value);
		return this;
	}

	/** The request field at fault, if one is. */
	public RuleViolation onField(String field) {
		this.field = field;
		return this;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	public Map<String, Object> members() {
		return Collections.unmodifiableMap(this.members);
	}

	public String field() {
		return this.field;
	}
}
