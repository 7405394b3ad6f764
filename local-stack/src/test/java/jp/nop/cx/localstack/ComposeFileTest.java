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

	private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "kafka-acls", "mongo", "mailpit", "prometheus", "redis");

	/** One-shot infrastructure: it runs to completion instead of staying healthy. */
	private static final String KAFKA_ACLS = "kafka-acls";

	/** What may publish a port to the host at all (the API, and the mail catcher's page). */
	private static final Set<String> PUBLISHED = Set.of("gateway", "mailpit");

	/** The web console: no database, no broker; the gateway routes its pages to it. */
	private static final String CONSOLE = "console";

	/** A backend: its own database and Kafka user (not the gateway, not the console). */
	private static boolean ownsData(Layout.ServiceSpec service) {
		return !service.gateway() && !service.name().equals(CONSOLE);
	}

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
				"EXPOSE ${PORT} ${MANAGEMENT_PORT}", "http://localhost:${MANAGEMENT_PORT}/actuator/health/readiness");
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			assertThat(ROOT.resolve(service.name()).resolve("Dockerfile")).as("one Dockerfile, not one per service")
				.doesNotExist();
			assertThat(text).as("the Dockerfile copies the POM of " + service.name())
				.contains("COPY " + service.name() + "/pom.xml " + service.name() + "/pom.xml");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceHasAReadinessHealthCheckOnItsManagementPort() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Object> health = (Map<String, Object>) services.get(service.name()).get("healthcheck");
			assertThat(health).as(service.name()).isNotNull();
			assertThat(health.get("test").toString()).as(service.name())
				.contains("http://localhost:" + service.managementPort() + "/actuator/health/readiness");
		}
		for (String infra : INFRASTRUCTURE) {
			if (!infra.equals(KAFKA_ACLS)) {
				assertThat(services.get(infra).get("healthcheck")).as(infra).isNotNull();
			}
		}
	}

	@Test
	void prometheusScrapesEveryServiceOnItsManagementPort() throws IOException {
		assertThat(services.get("prometheus").get("volumes").toString())
			.contains("./ops/prometheus.yml:/etc/prometheus/prometheus.yml");
		String scrape = Files.readString(ROOT.resolve("ops/prometheus.yml"));
		assertThat(scrape).contains("metrics_path: /actuator/prometheus");
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			assertThat(scrape).as(service.name()).contains("- " + service.name() + ":" + service.managementPort());
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void backEndServicesAndTheConsoleCanRunAsReplicasAndShareWhatTheyMustInRedis() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			if (!service.gateway()) {
				assertThat(services.get(service.name())).as(service.name() + ": a fixed name would pin one container")
					.doesNotContainKey("container_name");
			}
		}
		Map<String, Object> gateway = services.get("gateway");
		assertThat((Map<String, Object>) gateway.get("environment")).containsEntry("CX_REDIS_URL", "redis://redis:6379");
		assertThat((Map<String, Object>) gateway.get("depends_on")).containsKey("redis");
		// Console replicas share every person's session (Spring Session, sealed; ADR 0017).
		Map<String, Object> console = services.get(CONSOLE);
		assertThat((Map<String, Object>) console.get("environment")).containsEntry("CX_REDIS_URL", "redis://redis:6379");
		assertThat((Map<String, Object>) console.get("depends_on")).containsEntry("redis",
				Map.of("condition", "service_healthy"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyTheGatewayAndTheMailPagePublishPortsAndNeverAManagementPort() {
		services.forEach((name, service) -> {
			Object ports = service.get("ports");
			if (ports != null) {
				assertThat(PUBLISHED).as("%s publishes %s", name, ports).contains(name);
				for (Layout.ServiceSpec spec : Layout.SERVICES) {
					assertThat(ports.toString()).as(name).doesNotContain(":" + spec.managementPort());
				}
			}
		});
		assertThat(services.get("gateway").get("ports").toString()).contains("8080:8080");
	}

	@Test
	@SuppressWarnings("unchecked")
	void servicesStartAfterWhatTheyNeedIsHealthy() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			if (!ownsData(service)) {
				// The console needs no database or broker: it answers each page from the gateway
				// (its sessions' Redis: backEndServicesAndTheConsoleCanRunAsReplicas…).
				continue;
			}
			Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) services
				.get(service.name())
				.get("depends_on");
			// kafka-acls runs once the broker is healthy; services start after it completed.
			assertThat(dependsOn).as(service.name()).containsEntry(KAFKA_ACLS,
					Map.of("condition", "service_completed_successfully"));
			dependsOn.forEach((name, condition) -> {
				if (!name.equals(KAFKA_ACLS)) {
					assertThat(condition).as(service.name() + " -> " + name).containsEntry("condition", "service_healthy");
				}
			});
			if (service.name().equals("gateway")) {
				assertThat(dependsOn.keySet()).containsAll(Layout.SERVICES.stream()
					.map(Layout.ServiceSpec::name)
					.filter((n) -> !n.equals("gateway") && !n.equals(CONSOLE))
					.toList());
			}
			else {
				assertThat(dependsOn).as(service.name()).containsKey("mongo");
			}
		}
		assertThat(((Map<String, Object>) services.get("notification-service").get("depends_on"))).containsKey("mailpit");
		assertThat(((Map<String, Map<String, Object>>) services.get(KAFKA_ACLS).get("depends_on")).get("kafka"))
			.containsEntry("condition", "service_healthy");
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
						|| platformDefaults.contains("${" + name + ":") || platformDefaults.contains("${" + name + "}");
				if (!placeholder && !boundByConfigurationProperties(name, serviceSources)) {
					unread.add(name);
				}
			}
			assertThat(unread).as("settings compose passes to %s that it never reads", service.name()).isEmpty();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyTheGatewayPublishesAPortTheServicesAreReachedThroughIt() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Map<String, Object> definition = services.get(service.name());
			if (service.gateway()) {
				assertThat((List<Object>) definition.get("ports")).as(service.name())
					.containsExactly(service.port() + ":" + service.port());
				continue;
			}
			assertThat(definition).as(service.name()).doesNotContainKey("ports");
			assertThat((List<Object>) definition.get("expose")).as(service.name())
				.containsExactly(String.valueOf(service.port()));
		}
		for (String infra : INFRASTRUCTURE) {
			List<Object> ports = (List<Object>) services.get(infra).get("ports");
			if (ports != null) {
				assertThat(ports).as(infra).allSatisfy((p) -> assertThat(p.toString()).startsWith("127.0.0.1:"));
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theServicesBelieveXForwardedForOnlyFromTheGateway() {
		Map<String, Object> network = (Map<String, Object>) ((Map<String, Object>) services.get("gateway")
			.get("networks")).get("default");
		String gatewayAddress = String.valueOf(network.get("ipv4_address"));
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Object trusted = ((Map<String, Object>) services.get(service.name()).get("environment"))
				.get("CX_TRUSTED_PROXIES");
			assertThat(String.valueOf(trusted)).as(service.name()).isEqualTo(gatewayAddress.replace(".", "\\."));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachServiceSignsInToMongoAsItsOwnUserLimitedToItsOwnDatabase() throws IOException {
		Map<String, Object> mongo = services.get("mongo");
		Map<String, Object> mongoEnv = (Map<String, Object>) mongo.get("environment");
		assertThat(String.valueOf(mongoEnv.get("MONGO_INITDB_ROOT_PASSWORD"))).startsWith("${CX_MONGO_ROOT_PASSWORD:?");
		assertThat(mongo.get("volumes").toString())
			.contains("./ops/mongo/10-cx-users.js:/docker-entrypoint-initdb.d/10-cx-users.js");
		String users = Files.readString(ROOT.resolve("ops/mongo/10-cx-users.js"));
		assertThat(users).contains("roles: [{ role: 'readWrite', db: database }]").doesNotContain("AnyDatabase");
		// Authentication on a replica set needs a key file; mongod runs with it.
		assertThat(Files.readString(ROOT.resolve("ops/mongo/start.sh"))).contains("--replSet rs0", "--keyFile");
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Object uri = ((Map<String, Object>) services.get(service.name()).get("environment")).get("CX_MONGODB_URI");
			if (!ownsData(service)) {
				assertThat(uri).isNull();
				continue;
			}
			String short_ = service.name().replace("-service", "");
			String database = "cx-" + short_;
			String password = "CX_MONGO_" + short_.toUpperCase() + "_PASSWORD";
			assertThat(String.valueOf(uri)).as(service.name())
				.startsWith("mongodb://" + service.name() + ":${" + password + ":?")
				.contains("@mongo:27017/" + database + "?")
				.contains("authSource=" + database);
			assertThat(users).as(service.name())
				.contains("'" + service.name() + "': ['" + database + "', '" + password + "']");
			assertThat(String.valueOf(mongoEnv.get(password))).as(service.name()).startsWith("${" + password + ":?");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachServiceAuthenticatesToKafkaAsItsOwnUserWithAcls() throws IOException {
		Map<String, Object> kafka = (Map<String, Object>) services.get("kafka").get("environment");
		// No listener without authentication, and nothing allowed without an ACL.
		assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).doesNotContain(":PLAINTEXT");
		assertThat(kafka).containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
			.containsEntry("KAFKA_SUPER_USERS", "User:admin")
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		String users = String.valueOf(kafka.get("KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG"));
		String acls = Files.readString(ROOT.resolve("ops/kafka/acls.sh"));
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			if (service.name().equals(CONSOLE)) {
				continue;
			}
			String password = "CX_KAFKA_" + service.name().replace("-service", "").toUpperCase() + "_PASSWORD";
			assertThat(users).as(service.name()).contains("user_" + service.name() + "=\"${" + password + ":?");
			Map<String, Object> environment = (Map<String, Object>) services.get(service.name()).get("environment");
			assertThat(environment).as(service.name()).containsEntry("CX_KAFKA_USERNAME", service.name());
			assertThat(String.valueOf(environment.get("CX_KAFKA_PASSWORD"))).as(service.name())
				.startsWith("${" + password + ":?");
			assertThat(acls).as(service.name()).contains("[" + service.name() + "]=");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void noPasswordIsWrittenInTheFile() {
		services.forEach((name, service) -> {
			Object environment = service.get("environment");
			if (environment instanceof Map<?, ?> map) {
				map.forEach((key, value) -> {
					if (String.valueOf(key).contains("PASSWORD")) {
						assertThat(String.valueOf(value)).as(name + " " + key).startsWith("${");
					}
				});
			}
		});
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

	@Test
	@SuppressWarnings("unchecked")
	void theSealingKeysArriveAsSecretsNamedAfterTheSettingsTheyFill() {
		assertThat(secrets.get("cx_event_secret_key")).containsEntry("environment", "CX_EVENT_SECRET_KEY");
		assertThat(secrets.get("cx_key_encryption_key")).containsEntry("environment", "CX_KEY_ENCRYPTION_KEY");
		assertThat(secrets.get("cx_console_session_key")).containsEntry("environment", "CX_CONSOLE_SESSION_KEY");
		Map<String, List<String>> expected = Map.of("identity-service",
				List.of("cx.identity.secrets.event-key", "cx.identity.secrets.key-encryption-key"),
				"notification-service", List.of("cx.notification.event-secret-key"), CONSOLE,
				List.of("cx.console.session-key"));
		expected.forEach((service, targets) -> {
			List<Map<String, Object>> mounted = (List<Map<String, Object>>) services.get(service).get("secrets");
			assertThat(mounted).as(service).extracting((m) -> m.get("target")).containsExactlyElementsOf(targets);
			assertThat(((Map<String, Object>) services.get(service).get("environment")))
				.containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
		});
	}


	@Test
	@SuppressWarnings("unchecked")
	void operatorsNeedASecondFactorInCompose() {
		// ADR 0018: only the local demo lets an operator sign in with the password alone.
		assertThat((Map<String, Object>) services.get("identity-service").get("environment"))
			.containsEntry("CX_OPERATOR_MFA", "required");
	}

}
