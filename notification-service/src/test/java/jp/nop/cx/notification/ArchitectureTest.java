package jp.nop.cx.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.inbox.InboxItem;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.webhook.WebhookEndpoint;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "jp.nop.cx.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] WEB_AND_MESSAGING = { "org.springframework.web..", "jakarta.servlet..",
			"org.springframework.messaging..", "org.springframework.cloud.stream..", "org.apache.kafka..",
			"jp.nop.cx.platform.web..", "jp.nop.cx.platform.messaging.." };

	@ArchTest
	static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
		.matching("jp.nop.cx.notification.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule thePolicyTableIsPlainJavaOverTheEventContract = classes().that()
		.resideInAPackage("..notification.policy..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "jp.nop.cx.events..", "jp.nop.cx.notification.policy..");

	@ArchTest
	static final ArchRule aggregatesKnowNoWebOrMessaging = noClasses().that()
		.belongToAnyOf(Delivery.class, InboxItem.class, WebhookEndpoint.class, PartnerProjection.class)
		.or()
		.resideInAnyPackage("..notification.policy..", "..notification.template..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(WEB_AND_MESSAGING);

	@ArchTest
	static final ArchRule onlyTheIntakeConsumesEvents = noClasses().that()
		.resideOutsideOfPackage("..notification.intake..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jp.nop.cx.platform.messaging..", "org.springframework.messaging..");

	@ArchTest
	static final ArchRule controllersStayThin = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(MongoTemplate.class);

	@ArchTest
	static final ArchRule channelsAreReachedOnlyThroughTheDeliverySpi = noClasses().that()
		.resideInAPackage("..notification.delivery..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..notification.mail..", "..notification.inbox..", "..notification.webhook..");
}
