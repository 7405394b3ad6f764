package jp.nop.cx.identity.operator;

import java.util.List;

import jp.nop.cx.identity.credential.PasswordPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** A rejected operator password is reported at start as the rule it breaks, not as a stack trace. */
class OperatorPasswordFailureAnalyzerTest {

	@Test
	void theStartupReportNamesTheBrokenRules() {
		OperatorPasswordRejected rejected = new OperatorPasswordRejected("operator",
				List.of(new PasswordPolicy.Violation(PasswordPolicy.Rule.MIN_LENGTH, 12),
						new PasswordPolicy.Violation(PasswordPolicy.Rule.CONTAINS_LOGIN_ID, 0)));
		// SpringApplication wraps what an ApplicationRunner throws.
		FailureAnalysis analysis = new OperatorPasswordFailureAnalyzer()
			.analyze(new IllegalStateException("Failed to execute ApplicationRunner", rejected));

		assertThat(analysis.getDescription()).contains("CX_OPERATOR_PASSWORD")
			.contains("shorter than 12 characters (MIN_LENGTH)")
			.contains("contains the login ID \"operator\" (CONTAINS_LOGIN_ID)");
		assertThat(analysis.getAction()).contains("CX_OPERATOR_PASSWORD");
	}

	@Test
	void springBootFindsTheAnalyzer() {
		// Boot's own analyzers want constructor arguments; only ours matters here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			})))
			.anyMatch(OperatorPasswordFailureAnalyzer.class::isInstance);
	}
}
