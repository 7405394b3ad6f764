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
 * statically: it names exactly the repository's services, builds each from its Dockerfile, waits
 * for health in the right order, and every setting it passes is one the service reads.
 */
class ComposeFileTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "mongo", "mailpit");

	/** Spring Boot properties passed through relaxed binding that the services rely on. */
	private static final Set<String> SPRING_SETTINGS = Set.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
			"JAVA_TOOL_OPTIONS", "SPRING_CONFIG_IMPORT");

	private static Map<String, Map<String, Object>> services;

	private static Map<String, Map<String, Object>> secrets;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void load() throws IOException {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			Map<String, Object> compose = new Yaml(new SafeConstructor(options)).load(reader);
			services = (Map<String, Map<String, Object>>) compose.get("services");
			secrets = (Map<String, Map<String, Object>>) compose.get("secrets");
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
	void buildsEachServiceFromItsOwnDockerfileAtTheRepositoryRoot() throws IOException {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Object> build = (Map<String, Object>) services.get(service.name()).get("build");
			assertThat(build.get("context")).as(service.name()).isEqualTo(".");
			Path dockerfile = ROOT.resolve((String) build.get("dockerfile"));
			assertThat(dockerfile).as(service.name()).isEqualTo(ROOT.resolve(service.name()).resolve("Dockerfile"));
			String text = Files.readString(dockerfile);
			assertThat(text).as(dockerfile.toString())
				.contains("-pl " + service.name() + " ")
				.contains(service.name() + "/target/" + service.name() + ".jar")
				.contains("EXPOSE " + service.port());
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
	void theSealingKeysArriveAsSecretsNamedAfterTheSettingsTheyFill() {
		assertThat(secrets.get("cx_event_secret_key")).containsEntry("environment", "CX_EVENT_SECRET_KEY");
		assertThat(secrets.get("cx_key_encryption_key")).containsEntry("environment", "CX_KEY_ENCRYPTION_KEY");
		Map<String, List<String>> expected = Map.of("identity-service",
				List.of("cx.identity.secrets.event-key", "cx.identity.secrets.key-encryption-key"),
				"notification-service", List.of("cx.notification.event-secret-key"));
		expected.forEach((service, targets) -> {
			List<Map<String, Object>> mounted = (List<Map<String, Object>>) services.get(service).get("secrets");
			assertThat(mounted).as(service).extracting((m) -> m.get("target")).containsExactlyElementsOf(targets);
			assertThat(((Map<String, Object>) services.get(service).get("environment")))
				.containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
		});
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
