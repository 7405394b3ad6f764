package jp.nop.cx.identity.operator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a rejected operator password at start as the one thing to fix, without a stack trace. */
class OperatorPasswordFailureAnalyzer extends AbstractFailureAnalyzer<OperatorPasswordRejected> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OperatorPasswordRejected cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set CX_OPERATOR_PASSWORD to a password of at least the minimum length"
						+ " (cx.identity.password.min-length) that does not contain the operator's login ID \""
						+ cause.loginId() + "\" (CX_OPERATOR_LOGIN), then start identity-service again.",
				cause);
	}
}
