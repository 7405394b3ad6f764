package jp.nop.cx.test.architecture;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every service keeps (STYLE.md), as one set of ArchUnit rules. A service runs it
 * with a holder in its test sources:
 * <pre>
 * &#64;AnalyzeClasses(packages = "jp.nop.cx.registration", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *
 *     &#64;ArchTest
 *     static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 * A <em>feature</em> is a package directly below the service's base package {@code jp.nop.cx.<service>}.
 * An <em>entry point</em> is what the web or messaging framework calls: a controller or controller
 * advice, a {@code @Configuration} (it declares the Stream functions, filters and security chains),
 * or an implementation of a web or messaging framework type (a gateway filter, a web filter); with
 * everything nested in it. An <em>adapter</em> is an entry point or a class that takes framework
 * types in (an HTTP client, an exchange, a servlet request). Every {@code @Service} and
 * {@code @Document}, and every class that is no adapter (values, schedulers, repositories,
 * components holding state), is the domain and its services.
 */
public final class ServiceArchitecture {

	static final String[] WEB = { "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..",
			"org.springframework.cloud.gateway.." };

	static final String[] MESSAGING = { "org.springframework.messaging..", "org.springframework.cloud.stream..",
			"org.springframework.kafka..", "org.apache.kafka.." };

	private static final PackageMatchers WEB_OR_MESSAGING = PackageMatchers.of(concat(WEB, MESSAGING));

	private static final Pattern FEATURE = Pattern.compile("jp\\.nop\\.cx\\.[^.]+\\.([^.]+).*");

	/** What a framework calls rather than what the service's own code calls. */
	static final DescribedPredicate<JavaClass> ENTRY_POINT = DescribedPredicate.describe("entry points", (type) -> {
		JavaClass outermost = outermost(type);
		return outermost.isMetaAnnotatedWith("org.springframework.stereotype.Controller")
				|| outermost.isAnnotatedWith("org.springframework.stereotype.Controller")
				|| outermost.isMetaAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
				|| outermost.isAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
				|| outermost.isMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
				|| outermost.isAnnotatedWith("org.springframework.context.annotation.Configuration")
				|| implementsFrameworkType(outermost);
	});

	/**
	 * The domain and its application services: every {@code @Service} and {@code @Document}
	 * (aggregate), whatever it looks like, and every other class that is no adapter. An adapter is
	 * an entry point or a translator: a class whose constructor or methods take a web or messaging
	 * type (an HTTP client, a request, an exchange, a Kafka admin), so it stands between the
	 * framework and the service.
	 */
	static final DescribedPredicate<JavaClass> DOMAIN_AND_SERVICES = DescribedPredicate
		.describe("belong to the domain or its application services", (type) -> {
			JavaClass outermost = outermost(type);
			if (outermost.isAnnotatedWith("org.springframework.stereotype.Service")
					|| outermost.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")) {
				return true;
			}
			return !ENTRY_POINT.test(outermost) && !translatesFrameworkTypes(outermost);
		});

	/**
	 * The refusal exception of today carries an {@code HttpStatus} ({@code ProblemException.of(HttpStatus,
	 * code)} of {@code platform.web}), so services that refuse a request name HTTP. The platform's web-free
	 * refusal type (issue 16, "Refusals") replaces it; then this exemption is deleted and the rule
	 * holds without it. Nothing else of HTTP is exempt.
	 */
	static final DescribedPredicate<JavaClass> REFUSAL_CARRYING_HTTP_STATUS = DescribedPredicate
		.describe("the HttpStatus a refusal carries (until the web-free refusal type lands)", (type) -> {
			String name = outermost(type).getName();
			return name.equals("org.springframework.http.HttpStatus")
					|| name.equals("org.springframework.http.HttpStatusCode");
		});

	/** The domain and the application services know nothing of HTTP, servlets, Kafka or Stream. */
	@ArchTest
	public static final ArchRule domainAndServicesKnowNoWebOrMessaging = noClasses()
		.that(DOMAIN_AND_SERVICES)
		.should()
		.dependOnClassesThat(DescribedPredicate
			.describe("reside in a web or messaging package",
					(JavaClass type) -> WEB_OR_MESSAGING.test(type.getPackageName()))
			.and(DescribedPredicate.not(REFUSAL_CARRYING_HTTP_STATUS)))
		.because("aggregates and services hold the rules; controllers and consumers only translate (STYLE.md)");

	/**
	 * A feature uses another through its services, aggregates, repositories and values (the model
	 * feature's repository serves every feature: one aggregate per partner), never through that
	 * feature's entry points: its controllers, advice, configuration or framework hooks.
	 */
	@ArchTest
	public static final ArchRule featuresDoNotReachIntoEachOthersInternals = classes()
		.should(new ArchCondition<JavaClass>("not reach into another feature's controllers, advice, configuration or framework hooks") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				Optional<String> from = featureOf(origin);
				if (from.isEmpty()) {
					return;
				}
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					Optional<String> to = featureOf(target);
					if (to.isPresent() && !to.equals(from) && isInternal(target)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		});

	/** Features depend on each other in one direction only. */
	@ArchTest
	public static final ArchRule featuresAreFreeOfCycles = slices().matching("jp.nop.cx.*.(*)..")
		.namingSlices("feature $1")
		.should()
		.beFreeOfCycles();

	private ServiceArchitecture() {
	}

	static Optional<String> featureOf(JavaClass type) {
		Matcher matcher = FEATURE.matcher(type.getPackageName());
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static boolean isInternal(JavaClass type) {
		JavaClass outermost = outermost(type);
		return ENTRY_POINT.test(outermost);
	}

	private static boolean translatesFrameworkTypes(JavaClass type) {
		return type.getConstructors().stream().anyMatch((c) -> takesFrameworkType(c.getRawParameterTypes()))
				|| type.getMethods().stream().anyMatch((m) -> takesFrameworkType(m.getRawParameterTypes()));
	}

	private static boolean takesFrameworkType(java.util.List<JavaClass> parameters) {
		return parameters.stream().anyMatch((p) -> WEB_OR_MESSAGING.test(p.getPackageName()));
	}

	private static boolean implementsFrameworkType(JavaClass type) {
		return type.getAllRawSuperclasses().stream().anyMatch((c) -> WEB_OR_MESSAGING.test(c.getPackageName()))
				|| type.getAllRawInterfaces().stream().anyMatch((c) -> WEB_OR_MESSAGING.test(c.getPackageName()));
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass outermost = type;
		while (outermost.getEnclosingClass().isPresent()) {
			outermost = outermost.getEnclosingClass().get();
		}
		return outermost;
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
