package jp.nop.cx.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text a template or a page names exists in Japanese and in English, and nothing else. */
class ConsoleMessagesTest {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z.]+)[}(]");

	private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([a-zA-Z.]+)' \\+");

	private static final Pattern FLASH_KEY = Pattern.compile("Flash\\.done\\(redirect, \"([a-zA-Z.]+)\"");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("ja").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
	}

	@Test
	void everyKeyUsedIsDefined() throws IOException {
		Set<String> used = new TreeSet<>();
		scan(Path.of("src/main/resources/templates"), TEMPLATE_KEY, used);
		scan(Path.of("src/main/java"), FLASH_KEY, used);
		Set<String> defined = load("en").stringPropertyNames();
		assertThat(used).isNotEmpty();
		assertThat(defined).containsAll(used);
		Set<String> prefixes = new TreeSet<>();
		scan(Path.of("src/main/resources/templates"), DYNAMIC_KEY, prefixes);
		for (String prefix : prefixes) {
			assertThat(defined).as("texts for %s*", prefix).anyMatch((key) -> key.startsWith(prefix));
		}
	}

	/**
	 * The codes enforcement-service publishes (its OpenAPI document in docs/api, kept true by its
	 * contract test) that the case pages show as words: a code without a text would show as
	 * "??caseStatus.X_ja??".
	 */
	@Test
	void everyCodeOfEnforcementsContractThatThePagesShowHasAText() throws IOException {
		Map<String, String> prefixByProperty = Map.of("CaseView.status", "caseStatus.", "PartnerCaseView.status",
				"caseStatus.", "HistoryView.action", "caseAction.", "ProposalView.status", "proposalStatus.",
				"PartnerProposal.status", "proposalStatus.", "CaseView.category", "category.", "MeasureView.type",
				"measure.");
		JsonNode schemas = JsonMapper.builder().build()
			.readTree(Path.of("../docs/api/enforcement.openapi.json").toFile())
			.path("components")
			.path("schemas");
		for (String language : new String[] { "ja", "en" }) {
			Set<String> defined = load(language).stringPropertyNames();
			prefixByProperty.forEach((property, prefix) -> {
				String[] schemaAndField = property.split("\\.");
				JsonNode codes = schemas.path(schemaAndField[0]).path("properties").path(schemaAndField[1]).path("enum");
				assertThat(codes.isArray() && !codes.isEmpty()).as("%s in the contract", property).isTrue();
				codes.forEach((code) -> assertThat(defined).as("%s: %s", language, property)
					.contains(prefix + code.asString()));
			});
		}
	}

	private static void scan(Path dir, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					into.add(matcher.group(1));
				}
			}
		}
	}

	private static Properties load(String language) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
