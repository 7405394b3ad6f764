package jp.nop.cx.localstack.supervisor;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./cx up} names why a service did not start, taken from Spring Boot's failure report. */
class StartupFailureTest {

	@Test
	void theDescriptionOfSpringBootsReportIsFound() {
		List<String> log = List.of("2026-12-01 INFO Starting IdentityServiceApplication",
				"2026-12-01 ERROR o.s.b.d.LoggingFailureAnalysisReporter : ", "",
				"***************************", "APPLICATION FAILED TO START", "***************************", "",
				"Description:", "",
				"The configured operator password (CX_OPERATOR_PASSWORD) breaks the password policy: it contains",
				"the login ID \"operator\" (CONTAINS_LOGIN_ID)", "", "Action:", "", "Set CX_OPERATOR_PASSWORD ...",
				"2026-12-01 INFO Stopping binder");

		assertThat(StartupFailure.description(log)).contains(
				"The configured operator password (CX_OPERATOR_PASSWORD) breaks the password policy: it contains"
						+ " the login ID \"operator\" (CONTAINS_LOGIN_ID)");
	}

	@Test
	void aLogWithoutAReportHasNoDescription() {
		assertThat(StartupFailure.description(List.of("Exception in thread main", "java.lang.OutOfMemoryError")))
			.isEmpty();
	}
}
