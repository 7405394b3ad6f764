package jp.nop.cx.terms;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the service: features (version, acceptance, partner, compliance, export) use each
 * other only through what they make public, without cycles; controllers stay thin; and the
 * domain (aggregates, value types, rules) knows nothing of HTTP, messaging or database access.
 */
class ArchitectureTest {

	private static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("jp.nop.cx.terms");

	/** Spring beans, repositories, configuration and what is nested in them: the adapters and services. */
	private static final DescribedPredicate<JavaClass> WIRING = new DescribedPredicate<>(
			"Spring components, repositories, configuration properties and their nested types") {
		@Override
		public boolean test(JavaClass type) {
			JavaClass outermost = type;
			while (outermost.getEnclosingClass().isPresent()) {
				outermost = outermost.getEnclosingClass().get();
			}
			return outermost.isMetaAnnotatedWith(Component.class) || outermost.isAssignableTo(Repository.class)
					|| outermost.isAnnotatedWith(ConfigurationProperties.class)
					|| outermost.isAnnotatedWith(SpringBootApplication.class);
		}
	};

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		slices().matching("jp.nop.cx.terms.(*)..").should().beFreeOfCycles().check(SERVICE);
	}

	@Test
	void repositoriesAndControllersAreInternalToTheirFeature() {
		classes().that()
			.areAssignableTo(Repository.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.check(SERVICE);
	}

	@Test
	void controllersTranslateAndLeaveStorageToServices() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(MongoTemplate.class)
			.check(SERVICE);
	}

	@Test
	void theDomainKnowsNoWebMessagingOrDatabaseAccess() {
		noClasses().that(DescribedPredicate.not(WIRING))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
					"org.springframework.messaging..", "org.springframework.cloud..", "org.springframework.kafka..",
					"org.apache.kafka..", "org.springframework.data.mongodb.core", "org.springframework.data.mongodb.repository..",
					"jp.nop.cx.platform.web..", "jp.nop.cx.platform.messaging..", "jp.nop.cx.platform.security..")
			.check(SERVICE);
	}
}
