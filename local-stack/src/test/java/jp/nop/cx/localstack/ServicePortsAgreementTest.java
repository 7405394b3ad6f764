package jp.nop.cx.localstack;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher polls each service on the port of SPEC section 6; each service's application.yml
 * declares that port as its default {@code server.port}.
 */
class ServicePortsAgreementTest {

	private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[^:}]+:(\\d+)}");

	@Test
	void servicesDeclareTheLaunchersPorts() throws Exception {
		Path root = Path.of("..").toAbsolutePath().normalize();
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			Path yml = root.resolve(service.name()).resolve("src/main/resources/application.yml");
			assertThat(yml).as(service.name() + " has an application.yml").isRegularFile();
			try (Reader reader = Files.newBufferedReader(yml)) {
				Object first = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).iterator().next();
				Object port = path(first, "server", "port");
				assertThat(port).as(service.name() + " declares server.port in " + yml).isNotNull();
				String text = port.toString();
				Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(text);
				String effective = placeholder.matches() ? placeholder.group(1) : text;
				assertThat(effective).as(service.name() + " server.port in " + yml)
					.isEqualTo(String.valueOf(service.port()));
			}
		}
	}

	private static Object path(Object node, String... keys) {
		Object current = node;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			Object next = map.get(key);
			if (next == null && map.get(key + "." + "port") != null) {
				return map.get(key + ".port");
			}
			current = next;
		}
		return current;
	}

}
