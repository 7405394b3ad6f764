package jp.nop.cx.identity.credential;

import java.util.List;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.platform.web.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Applies the {@link PasswordPolicy} to a password a person chose, answering a refusal as a 422
 * problem ({@code password-policy}) that names each broken rule on {@code newPassword} in the
 * request's language.
 */
@Component
public class PasswordRules {

	private final PasswordPolicy policy;

	private final MessageSource messages;

	PasswordRules(IdentityProperties properties, MessageSource messages) {
		this.policy = new PasswordPolicy(properties.password().minLength());
		this.messages = messages;
	}

	public void enforce(String newPassword, String loginId) {
		List<PasswordPolicy.Violation> violations = this.policy.check(newPassword, loginId);
		if (violations.isEmpty()) {
			return;
		}
		List<ProblemException.FieldError> errors = violations.stream()
			.map((v) -> new ProblemException.FieldError("newPassword",
					this.messages.getMessage("password-policy." + v.rule().name(), new Object[] { v.limit() },
							LocaleContextHolder.getLocale())))
			.toList();
		throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "password-policy", errors);
	}

	public List<PasswordPolicy.Violation> violations(String password, String loginId) {
		return this.policy.check(password, loginId);
	}
}
