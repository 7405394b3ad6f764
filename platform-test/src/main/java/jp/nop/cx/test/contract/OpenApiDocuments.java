package jp.nop.cx.test.contract;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading, normalising and locating the committed API documents under {@code docs/api/}. */
public final class OpenApiDocuments {

	/** How to refresh every committed document after a deliberate API change. */
	public static final String REFRESH = "./cx api-docs (docs/api/README.md)";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private OpenApiDocuments() {
	}

	static JsonNode json(String document) {
		return JSON.readTree(document);
	}

	/**
	 * Keys sorted at every level, two-space indentation, a final newline: the same document always
	 * gives the same text, whatever order springdoc found the controllers in.
	 */
	public static String normalise(String document) {
		return JSON.writeValueAsString(sorted(JSON.readTree(document))) + "\n";
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JSON.createObjectNode();
			node.propertyNames().stream().sorted().forEach((name) -> copy.set(name, sorted(node.get(name))));
			return copy;
		}
		if (node.isArray()) {
			var copy = JSON.createArrayNode();
			node.forEach((element) -> copy.add(sorted(element)));
			return copy;
		}
		return node;
	}

	/** {@code docs/api/<name>} of the repository the build runs in. */
	public static Path committedCopy(String name) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("no repository root (mvnw) above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve("docs").resolve("api").resolve(name);
	}
}
