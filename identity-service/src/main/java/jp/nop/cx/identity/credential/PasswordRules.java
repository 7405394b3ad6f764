package jp.nop.cx.identity.credential;

import java.util.List;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.stereotype.Component;

/**
 * Applies the {@link PasswordPolicy} to a password a person chose, answering a refusal as a 422
 * problem ({@code password-policy}) that names each broken rule on {@code newPassword} in the
 * request's language.
 */
@Component
public class PasswordRules {

	private final PasswordPolicy policy;

	PasswordRules(IdentityProperties properties) {
		this.policy = new PasswordPolicy(properties.password().minLength());
	}

	public void enforce(String newPassword, String loginId) {
		List<PasswordPolicy.Violation> violations = this.policy.check(newPassword, loginId);
		if (violations.isEmpty()) {
			return;
		}
		RuleViolation refused = RuleViolation.unprocessable("password-policy");
		violations.forEach((v) -> refused.onField("newPassword", "password-policy." + v.rule().name(), v.limit()));
		throw refused;
	}

	public List<PasswordPolicy.Violation> violations(String password, String loginId) {
		return this.policy.check(password, loginId);
	}
}
