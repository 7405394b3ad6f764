package jp.nop.cx.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed AsyncAPI document {@code docs/api/asyncapi.yaml} says what the code does: every
 * topic of {@link EventType} with its {@code ce_type} and the schema of this module, producers and
 * consumers as the modules have them. After a deliberate change, refresh it with
 * {@code -Dcx.api.write=true} (see docs/api/README.md) and commit it with the change.
 */
class AsyncApiDocumentTest {

	private static final Path COMMITTED = AsyncApiGenerator.repositoryRoot().resolve("docs/api/asyncapi.yaml");

	private final AsyncApiGenerator generator = new AsyncApiGenerator(AsyncApiGenerator.repositoryRoot());

	/** {@code -Dcx.api.write=true} refreshes the committed copy before any test reads it. */
	@BeforeAll
	static void writeWhenAsked() throws Exception {
		if (Boolean.getBoolean("cx.api.write")) {
			Files.writeString(COMMITTED, new AsyncApiGenerator(AsyncApiGenerator.repositoryRoot()).yaml(),
					StandardCharsets.UTF_8);
		}
	}

	@Test
	void committedDocumentIsInStepWithTheEventsAndTheServices() throws Exception {
		String generated = this.generator.yaml();
		assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
			.as("docs/api/asyncapi.yaml differs from what AsyncApiGenerator writes; refresh with"
					+ " ./cx api-docs (docs/api/README.md)")
			.isEqualTo(generated);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyTopicHasItsTypeKeyAndSchema(EventType type) throws Exception {
		JsonNode doc = YAMLMapper.builder().build().readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		String name = type.payloadType().getSimpleName();
		JsonNode channel = doc.path("channels").path(type.topic());
		assertThat(channel.path("address").asString()).as("channel of %s", type.topic()).isEqualTo(type.topic());
		assertThat(channel.path("x-producer").asString()).as("producer of %s", type.topic()).isNotBlank();
		JsonNode message = doc.path("components").path("messages").path(name);
		assertThat(message.path("headers").path("properties").path("ce_type").path("const").asString())
			.isEqualTo(type.ceType());
		assertThat(message.path("headers").path("properties").propertyNames()).contains("ce_id", "ce_source",
				"ce_type", "ce_time", "ce_subject", "traceparent");
		assertThat(message.path("bindings").path("kafka").path("key").path("description").asString()).isNotBlank();
		JsonNode schema = AsyncApiGenerator.schema(type);
		JsonNode payload = message.path("payload");
		assertThat(payload.path("properties")).as("payload of %s", type.topic()).isEqualTo(schema.path("properties"));
		assertThat(payload.path("x-ce-type").asString()).isEqualTo(type.ceType());
		assertThat(doc.path("operations").path("publish-" + type.topic()).path("action").asString()).isEqualTo("send");
		String policy = channel.path("bindings").path("kafka").path("topicConfiguration").path("cleanup.policy").get(0)
			.asString();
		assertThat(policy).isEqualTo(AsyncApiGenerator.COMPACTED.contains(type.topic()) ? "compact" : "delete");
	}

	@Test
	void deadLetterTopicsAreListedPerConsumerGroup() throws Exception {
		JsonNode doc = YAMLMapper.builder().build().readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		assertThat(doc.path("channels").has("error.partner-approved.identity-service")).isTrue();
		// The gateway reads with anonymous groups and no dead-lettering.
		assertThat(doc.path("channels").propertyNames()).noneMatch((c) -> c.startsWith("error.partner-standing."));
		assertThat(doc.path("channels").path("partner-standing").path("x-consumers").toString()).contains("gateway");
	}
}
