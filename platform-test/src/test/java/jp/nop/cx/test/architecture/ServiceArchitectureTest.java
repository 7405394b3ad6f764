package jp.nop.cx.test.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules find what they are for, in a fixture service {@code jp.nop.cx.archfixture}. */
class ServiceArchitectureTest {

	private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("jp.nop.cx.archfixture");

	@Test
	void aServiceNamingHttpBreaksTheRuleButAControllerAndARefusalsStatusDoNot() {
		EvaluationResult result = ServiceArchitecture.domainAndServicesKnowNoWebOrMessaging.evaluate(FIXTURE);
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("OrderService").contains("HttpHeaders"));
	}

	@Test
	void aFeatureUsingAnotherFeaturesControllerBreaksTheRuleItsRepositoryDoesNot() {
		EvaluationResult result = ServiceArchitecture.featuresDoNotReachIntoEachOthersInternals.evaluate(FIXTURE);
		assertThat(result.getFailureReport().getDetails()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("billing.Invoice").contains("OrderController"));
	}

	@Test
	void featuresDependingOnEachOtherFormACycle() {
		assertThat(ServiceArchitecture.featuresAreFreeOfCycles.evaluate(FIXTURE).hasViolation()).isTrue();
	}

}
