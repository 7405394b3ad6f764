package jp.nop.cx.registration;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the service: the partner model holds the rules and knows nothing of HTTP or
 * Kafka; each feature talks to the model, not to another feature.
 */
@AnalyzeClasses(packages = "jp.nop.cx.registration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule theModelKnowsNoWebOrMessaging = noClasses().that()
		.resideInAPackage("..registration.partner..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
				"org.springframework.messaging..", "org.springframework.cloud..", "org.apache.kafka..",
				"jp.nop.cx.platform.web..", "jp.nop.cx.platform.messaging..", "jp.nop.cx.platform.security..");

	@ArchTest
	static final ArchRule theModelKnowsNoFeature = noClasses().that()
		.resideInAPackage("..registration.partner..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..registration.application..", "..registration.profile..",
				"..registration.termination..", "..registration.transfer..", "..registration.export..",
				"..registration.terms..");

	/** Applying needs to know the terms in force (preamble); nothing else crosses between features. */
	@ArchTest
	static final ArchRule featuresDoNotReachIntoEachOther = slices().matching("jp.nop.cx.registration.(*)..")
		.should()
		.notDependOnEachOther()
		.ignoreDependency(alwaysTrue(), resideInAPackage("..registration.partner.."))
		.ignoreDependency(resideInAPackage("..registration.application.."),
				resideInAPackage("..registration.terms.."));

	@ArchTest
	static final ArchRule noCycles = slices().matching("jp.nop.cx.registration.(*)..").should().beFreeOfCycles();
}
