package jp.nop.cx.platform.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one way a service or an aggregate refuses a request: a {@link Kind} that says what sort of
 * refusal it is, and a {@code code} that names the rule. It knows no HTTP; the platform's
 * problem handler answers it as RFC 9457 problem details whose {@code type} ends in the code,
 * with the status of the kind, title and detail from {@code problem.<code>.title/detail} and
 * field messages from {@code rule.<code>} in the request's language (see the table in
 * docs/platform-guide.md).
 */
public class RuleViolation extends RuntimeException {

	/** What sort of refusal it is; the problem handler maps each to one HTTP status. */
	public enum Kind {

		/** The input breaks a rule of the terms or of the API (422). */
		INVALID(422),

		/** No such thing, or not the caller's to see (404). */
		NOT_FOUND(404),

		/** The current state does not allow it: decided already, exists already (409). */
		CONFLICT(409),

		/** The caller's roles do not allow it (403). */
		FORBIDDEN(403),

		/** The caller did not prove who it is: a failed sign-in, a spent refresh token (401). */
		UNAUTHENTICATED(401),

		/** A request parameter is unusable (400). */
		BAD_REQUEST(400),

		/** It existed and has ended, e.g. an expired activation (410). */
		GONE(410),

		/** Locked for a while; {@link #retryAfterSeconds()} says how long (423). */
		LOCKED(423),

		/** Too many attempts; {@link #retryAfterSeconds()} says when to try again (429). */
		TOO_MANY_REQUESTS(429),

		/** Larger than a rule allows (413). */
		TOO_LARGE(413),

		/** A part of the platform cannot answer now; {@link #retryAfterSeconds()} if known (503). */
		UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		/** The HTTP status the problem answer of this kind has; the one place it is decided. */
		public int status() {
			return this.status;
		}

	}

	private final Kind kind;

	private final String code;

	private final transient Object[] args;

	private final transient Map<String, Object> members = new LinkedHashMap<>();

	private final List<FieldError> fieldErrors = new ArrayList<>();

	private Long retryAfterSeconds;

	public RuleViolation(Kind kind, String code, Object... args) {
		super(code);
		this.kind = Objects.requireNonNull(kind, "kind");
		this.code = Objects.requireNonNull(code, "code");
		this.args = (args != null) ? args : new Object[0];
	}

	/** {@code field} of the request breaks the rule {@code code}; {@code rule.<code>} explains it. */
	public static RuleViolation invalid(String field, String code, Object... args) {
		return new RuleViolation(Kind.INVALID, code, args).onField(field, code, args);
	}

	/** What was asked is not allowed, whatever field it is in. */
	public static RuleViolation unprocessable(String code, Object... args) {
		return new RuleViolation(Kind.INVALID, code, args);
	}

	/** Several fields are wrong at once, each with its own rule ({@code validation}). */
	public static RuleViolation invalid(List<FieldError> errors) {
		RuleViolation violation = new RuleViolation(Kind.INVALID, "validation");
		violation.fieldErrors.addAll(errors);
		return violation;
	}

	public static RuleViolation conflict(String code, Object... args) {
		return new RuleViolation(Kind.CONFLICT, code, args);
	}

	/** There is no {@code what} (a word for it: {@code partner}, {@code case} …) the caller may see. */
	public static RuleViolation notFound(String what, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = what;
		System.arraycopy(args, 0, all, 1, args.length);
		return new RuleViolation(Kind.NOT_FOUND, "not-found", all);
	}

	public static RuleViolation forbidden() {
		return new RuleViolation(Kind.FORBIDDEN, "forbidden");
	}

	public static RuleViolation tooLarge(String field, String code, Object... args) {
		return new RuleViolation(Kind.TOO_LARGE, code, args).onField(field, code, args);
	}

	/** Adds a fact the caller needs to do better, e.g. {@code earliestEffectiveOn}. */
	public RuleViolation with(String name, Object value) {
		this.members.put(name, value);
		return this;
	}

	/** Names the request field at fault; its message is {@code rule.<code>}. */
	public RuleViolation onField(String field) {
		return onField(field, this.code, this.args);
	}

	public RuleViolation onField(String field, String rule, Object... ruleArgs) {
		this.fieldErrors.add(new FieldError(field, rule, ruleArgs));
		return this;
	}

	/** When the caller may try again (a {@code Retry-After} header and member). */
	public RuleViolation retryAfter(long seconds) {
		this.retryAfterSeconds = seconds;
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

	public List<FieldError> fieldErrors() {
		return Collections.unmodifiableList(this.fieldErrors);
	}

	/** The first field at fault, or {@code null}. */
	public String field() {
		return this.fieldErrors.isEmpty() ? null : this.fieldErrors.get(0).field();
	}

	public Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * One field at fault: where it is and which rule it breaks. The message shown is
	 * {@code rule.<rule>} in the request's language, else {@code rule} itself (so a plain
	 * sentence also works, untranslated).
	 */
	public record FieldError(String field, String rule, Object... args) {
	}
}
