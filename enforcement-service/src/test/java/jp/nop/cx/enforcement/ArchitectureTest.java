package jp.nop.cx.enforcement;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the service: features do not depend on each other in circles or on the internals
 * of those that do not concern them; the domain (aggregates, entities, values) knows nothing of
 * HTTP, Kafka or security.
 */
@AnalyzeClasses(packages = "jp.nop.cx.enforcement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] FEATURES_READING_CASES = { "..enforcement.standing..", "..enforcement.export..",
			"..enforcement.partner..", "..enforcement.detection..", "..enforcement.audit.." };

	/** Aggregates, entities and value types: not a Spring component, repository, setting or DTO. */
	private static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>(
			"are domain classes (aggregates, entities, values)") {
		@Override
		public boolean test(JavaClass type) {
			JavaClass top = type;
			while (top.getEnclosingClass().isPresent()) {
				top = top.getEnclosingClass().get();
			}
			String name = top.getSimpleName();
			return top.getPackageName().matches(".*\\.enforcement\\.(cases|servicestatus|capability)")
					&& !top.isMetaAnnotatedWith(Component.class) && !top.isAnnotatedWith(Component.class)
					&& !top.isAssignableTo(Repository.class) && !top.isAnnotatedWith(ConfigurationProperties.class)
					&& !name.endsWith("View") && !name.endsWith("Request") && !name.endsWith("Requests")
					&& !name.endsWith("Controller");
		}
	};

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("jp.nop.cx.enforcement.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule casesKnowNothingOfTheFeaturesUsingThem = noClasses().that()
		.resideInAPackage("..enforcement.cases..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(concat(FEATURES_READING_CASES, "..enforcement.servicestatus.."));

	@ArchTest
	static final ArchRule serviceStatusStandsApartFromCases = noClasses().that()
		.resideInAPackage("..enforcement.servicestatus..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(concat(FEATURES_READING_CASES, "..enforcement.cases.."));

	@ArchTest
	static final ArchRule theDomainKnowsNoWebMessagingOrSecurity = noClasses().that(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
				"org.springframework.messaging..", "org.springframework.kafka..", "org.springframework.cloud..",
				"org.apache.kafka..", "org.springframework.security..", "jp.nop.cx.platform.web..",
				"jp.nop.cx.platform.security..", "jp.nop.cx.platform.messaging..");

	@ArchTest
	static final ArchRule servicesDoNotReachIntoControllers = noClasses().that()
		.haveSimpleNameEndingWith("Service")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Controller");

	private static String[] concat(String[] packages, String more) {
		String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
		all[packages.length] = more;
		return all;
	}
}
