package jp.nop.cx.identity.credential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be (SPEC: length ≥ 12, not containing the login ID). Length counts
 * characters as a person sees them (code points), so a Japanese passphrase is measured fairly;
 * the upper bound is bcrypt's: it reads no more than 72 bytes.
 */
public record PasswordPolicy(int minLength) {

	/** bcrypt ignores anything beyond this many bytes; a longer password would be silently cut. */
	public static final int MAX_BYTES = 72;

	/** The rules, each with a message {@code password-policy.<rule>} in the bundles. */
	public enum Rule {

		MIN_LENGTH, MAX_BYTES, CONTAINS_LOGIN_ID

	}

	/** One broken rule and the number it is about (the minimum length, the byte limit). */
	public record Violation(Rule rule, int limit) {
	}

	public List<Violation> check(String password, String loginId) {
		List<Violation> violations = new ArrayList<>();
		String candidate = (password != null) ? password : "";
		if (candidate.codePointCount(0, candidate.length()) < this.minLength) {
			violations.add(new Violation(Rule.MIN_LENGTH, this.minLength));
		}
		if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			violations.add(new Violation(Rule.MAX_BYTES, MAX_BYTES));
		}
		if (loginId != null && !loginId.isBlank()
				&& candidate.toLowerCase(Locale.ROOT).contains(loginId.strip().toLowerCase(Locale.ROOT))) {
			violations.add(new Violation(Rule.CONTAINS_LOGIN_ID, 0));
		}
		return violations;
	}
}
