package jp.nop.cx.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway's features stay apart, and the rules of the terms stay free of HTTP and Kafka. */
@AnalyzeClasses(packages = "jp.nop.cx.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices().matching("jp.nop.cx.gateway.(*)..")
		.should()
		.beFreeOfCycles();

	/** What the terms decide is plain state and time: testable without a server or a broker. */
	@ArchTest
	static final ArchRule theRulesOfTheTermsKnowNoWebNorMessaging = noClasses().that()
		.haveSimpleNameStartingWith("PartnerStandings")
		.or()
		.haveSimpleNameStartingWith("ServiceStatusBoard")
		.or()
		.haveSimpleNameStartingWith("TermsCalendar")
		.or()
		.haveSimpleNameStartingWith("ActivitySampler")
		.or()
		.haveSimpleNameStartingWith("RateLimits")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
				"org.springframework.messaging..", "org.springframework.kafka..", "org.apache.kafka..",
				"org.springframework.cloud.gateway..");

	@ArchTest
	static final ArchRule problemsAndMessagingServeEveryFeatureAndDependOnNone = noClasses().that()
		.resideInAnyPackage("..gateway.problem..", "..gateway.messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..gateway.routing..", "..gateway.security..", "..gateway.enforcement..",
				"..gateway.ratelimit..", "..gateway.activity..", "..gateway.readiness..");

	/** Every rule reads the request through the routing feature's one view of it. */
	@ArchTest
	static final ArchRule onlyRoutingWorksOutWhatARequestIs = classes().that()
		.haveSimpleName("RoutedRequestFilter")
		.should()
		.resideInAPackage("..gateway.routing..");
}
