package jp.nop.cx.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.mongodb.core.mapping.Document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape STYLE.md asks for, checked on every build. */
@AnalyzeClasses(packages = "jp.nop.cx.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] WEB_AND_MESSAGING = { "org.springframework.web..", "jakarta.servlet..",
			"org.springframework.messaging..", "org.springframework.cloud.stream..", "jp.nop.cx.platform.web..",
			"jp.nop.cx.platform.security..", "jp.nop.cx.platform.messaging.." };

	/** Features depend on each other in one direction only (credential below sign-in, members, ...). */
	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("jp.nop.cx.identity.(*)..")
		.should()
		.beFreeOfCycles();

	/** The aggregates and their rules know nothing of HTTP or Kafka. */
	@ArchTest
	static final ArchRule domainIsFreeOfWebAndMessaging = noClasses().that()
		.areAnnotatedWith(Document.class)
		.or()
		.haveSimpleNameEndingWith("Policy")
		.or()
		.haveSimpleNameEndingWith("Rule")
		.or()
		.haveSimpleNameEndingWith("Token")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(WEB_AND_MESSAGING);

	/** Controllers are entry points: nothing calls them. */
	@ArchTest
	static final ArchRule controllersAreEntryPointsOnly = noClasses().that()
		.haveSimpleNameNotEndingWith("Controller")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Controller");

	/** A feature's controllers stay package-private: only its package knows them. */
	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.haveSimpleNameEndingWith("Controller")
		.should()
		.notBePublic();

	/** The root package holds the application and shared settings, and leans on no feature. */
	@ArchTest
	static final ArchRule rootDependsOnNoFeature = noClasses().that()
		.resideInAPackage("jp.nop.cx.identity")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("jp.nop.cx.identity.(*)..");

	@ArchTest
	static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
