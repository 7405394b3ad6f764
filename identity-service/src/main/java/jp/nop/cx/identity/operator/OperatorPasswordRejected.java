package jp.nop.cx.identity.operator;

import java.util.List;
import java.util.stream.Collectors;

import jp.nop.cx.identity.credential.PasswordPolicy;

/**
 * The configured operator password breaks the password policy. Thrown at start so that no one
 * believes an operator exists when none could be seeded; {@link OperatorPasswordFailureAnalyzer}
 * turns it into the startup report.
 */
public class OperatorPasswordRejected extends RuntimeException {

	private final String loginId;

	public OperatorPasswordRejected(String loginId, List<PasswordPolicy.Violation> violations) {
		super("The configured operator password (CX_OPERATOR_PASSWORD) breaks the password policy: "
				+ describe(violations, loginId));
		this.loginId = loginId;
	}

	public String loginId() {
		return this.loginId;
	}

	/** Each broken rule in words, with its name, e.g. {@code it contains the login ID "operator" (CONTAINS_LOGIN_ID)}. */
	private static String describe(List<PasswordPolicy.Violation> violations, String loginId) {
		return violations.stream().map((v) -> switch (v.rule()) {
			case MIN_LENGTH -> "it is shorter than " + v.limit() + " characters";
			case MAX_BYTES -> "it is longer than " + v.limit() + " bytes (UTF-8)";
			case CONTAINS_LOGIN_ID -> "it contains the login ID \"" + loginId + "\"";
		} + " (" + v.rule().name() + ")").collect(Collectors.joining("; "));
	}
}
