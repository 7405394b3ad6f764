package jp.nop.cx.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine, so it is checked
 * statically: it names exactly the repository's services, builds each from the one Dockerfile, waits
 * for health in the right order, and every setting it passes is one the service reads.
 */
class ComposeFileTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "mongo", "mailpit");

	/** Spring Boot properties passed through relaxed binding that the services rely on. */
	private static final Set<String> SPRING_SETTINGS = Set.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
			"JAVA_TOOL_OPTIONS");

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void load() throws IOException {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			Map<String, Object> compose = new Yaml(new SafeConstructor(options)).load(reader);
			services = (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	@Test
	void namesTheInfrastructureAndEveryServiceModule() {
		List<String> modules = Layout.SERVICES.stream().map(Layout.ServiceSpec::name).toList();
		assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(
				Stream.concat(INFRASTRUCTURE.stream(), modules.stream()).toList());
	}

	@Test
	@SuppressWarnings("unchecked")
	void buildsEveryServiceFromTheOneDockerfileWithItsModuleAndPort() throws IOException {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Object> build = (Map<String, Object>) services.get(service.name()).get("build");
			assertThat(build.get("context")).as(service.name()).isEqualTo(".");
			assertThat(build.get("dockerfile")).as(service.name() + ": the root Dockerfile, by default").isNull();
			Map<String, Object> args = (Map<String, Object>) build.get("args");
			assertThat(args).as(service.name())
				.containsEntry("MODULE", service.name())
				.containsEntry("PORT", String.valueOf(service.port()));
		}
		String text = Files.readString(ROOT.resolve("Dockerfile"));
		assertThat(text).contains("ARG MODULE", "ARG PORT", "-pl ${MODULE} -am", "${MODULE}/target/${MODULE}.jar",
				"EXPOSE ${PORT}", "http://localhost:${PORT}/actuator/health/readiness");
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			assertThat(ROOT.resolve(service.name()).resolve("Dockerfile")).as("one Dockerfile, not one per service")
				.doesNotExist();
			assertThat(text).as("the Dockerfile copies the POM of " + service.name())
				.contains("COPY " + service.name() + "/pom.xml " + service.name() + "/pom.xml");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceHasAReadinessHealthCheckOnItsOwnPort() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Object> health = (Map<String, Object>) services.get(service.name()).get("healthcheck");
			assertThat(health).as(service.name()).isNotNull();
			assertThat(health.get("test").toString()).as(service.name())
				.contains("http://localhost:" + service.port() + "/actuator/health/readiness");
		}
		for (String infra : INFRASTRUCTURE) {
			assertThat(services.get(infra).get("healthcheck")).as(infra).isNotNull();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void servicesStartAfterWhatTheyNeedIsHealthy() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) services
				.get(service.name())
				.get("depends_on");
			assertThat(dependsOn).as(service.name()).containsKey("kafka");
			dependsOn.values()
				.forEach((condition) -> assertThat(condition).containsEntry("condition", "service_healthy"));
			if (service.name().equals("gateway")) {
				assertThat(dependsOn.keySet()).containsAll(Layout.SERVICES.stream()
					.map(Layout.ServiceSpec::name)
					.filter((n) -> !n.equals("gateway"))
					.toList());
			}
			else {
				assertThat(dependsOn).as(service.name()).containsKey("mongo");
			}
		}
		assertThat(((Map<String, Object>) services.get("notification-service").get("depends_on"))).containsKey("mailpit");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everySettingPassedIsOneTheServiceReads() throws IOException {
		String platformDefaults = Files.readString(
				ROOT.resolve("platform/src/main/java/jp/nop/cx/platform/config/PlatformDefaults.java"));
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Object> environment = (Map<String, Object>) services.get(service.name()).get("environment");
			String serviceSources = sources(ROOT.resolve(service.name()).resolve("src/main"));
			List<String> unread = new ArrayList<>();
			for (String name : environment.keySet()) {
				if (name.startsWith("<<") || SPRING_SETTINGS.contains(name)) {
					continue;
				}
				boolean placeholder = serviceSources.contains("${" + name + ":") || serviceSources.contains("${" + name + "}")
						|| platformDefaults.contains("${" + name + ":");
				if (!placeholder && !boundByConfigurationProperties(name, serviceSources)) {
					unread.add(name);
				}
			}
			assertThat(unread).as("settings compose passes to %s that it never reads", service.name()).isEmpty();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachServiceGetsItsOwnDatabase() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Object uri = ((Map<String, Object>) services.get(service.name()).get("environment")).get("CX_MONGODB_URI");
			if (service.name().equals("gateway")) {
				assertThat(uri).isNull();
				continue;
			}
			String database = "cx-" + service.name().replace("-service", "");
			assertThat(String.valueOf(uri)).as(service.name()).contains("mongodb://mongo:27017/" + database + "?");
		}
	}

	/** A relaxed-binding name such as CX_REGISTRATION_EXPORT_SERVICES_IDENTITY_URL under a declared prefix. */
	private static boolean boundByConfigurationProperties(String name, String sources) {
		Matcher prefixes = Pattern.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*)?\"([a-z0-9.-]+)\"")
			.matcher(sources);
		while (prefixes.find()) {
			String envPrefix = prefixes.group(1).toUpperCase().replace('.', '_').replace("-", "") + "_";
			if (name.startsWith(envPrefix)) {
				return true;
			}
		}
		return false;
	}

	private static String sources(Path dir) throws IOException {
		StringBuilder all = new StringBuilder();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter((f) -> f.toString().endsWith(".java") || f.toString().endsWith(".yml")
						|| f.toString().endsWith(".properties"))
				.toList()) {
				all.append(Files.readString(file)).append('\n');
			}
		}
		return all.toString();
	}
}
