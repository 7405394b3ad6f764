package jp.nop.cx.events;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each payload record and its JSON Schema describe the same fields with the same JSON types:
 * a field added to one and not the other fails the build.
 */
class EventSchemaAgreementTest {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource(EventType.class)
	void schemaDescribesExactlyThePayloadRecord(EventType type) throws Exception {
		JsonNode schema = load(type);
		assertThat(schema.path("x-topic").asString()).isEqualTo(type.topic());
		assertThat(schema.path("x-ce-type").asString()).isEqualTo(type.ceType());
		assertAgree(type.payloadType(), schema, type.topic());
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void serialisedPayloadHasOnlySchemaProperties(EventType type) throws Exception {
		Object sample = sample(type.payloadType());
		JsonNode json = this.mapper.valueToTree(sample);
		Set<String> written = new HashSet<>(json.propertyNames());
		assertThat(written).as("JSON properties of %s", type.payloadType().getSimpleName())
			.isEqualTo(propertyNames(load(type)));
	}

	@Test
	void topicsAndTypesAreUniqueAndVersioned() {
		assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct().count())
			.isEqualTo(EventType.values().length);
		assertThat(EventType.values()).allSatisfy((t) -> assertThat(t.ceType()).matches("jp\\.nop\\.cx\\.[a-z.-]+\\.v\\d+"));
	}

	private void assertAgree(Class<?> record, JsonNode schema, String where) {
		assertThat(record.isRecord()).as("%s is a record", record).isTrue();
		Set<String> components = new LinkedHashSet<>();
		for (RecordComponent c : record.getRecordComponents()) {
			components.add(c.getName());
		}
		assertThat(propertyNames(schema)).as("schema properties of %s", where).isEqualTo(components);
		Set<String> required = new HashSet<>();
		schema.path("required").forEach((n) -> required.add(n.asString()));
		assertThat(required).as("required of %s", where).isEqualTo(components);
		assertThat(schema.path("additionalProperties").asBoolean(true)).as("closed schema %s", where).isFalse();
		for (RecordComponent c : record.getRecordComponents()) {
			JsonNode property = schema.path("properties").path(c.getName());
			assertType(c.getGenericType(), property, where + "." + c.getName());
		}
	}

	private void assertType(Type type, JsonNode property, String where) {
		Set<String> types = new HashSet<>();
		if (property.path("type").isArray()) {
			property.path("type").forEach((t) -> types.add(t.asString()));
		}
		else {
			types.add(property.path("type").asString());
		}
		if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
			assertThat(types).as(where).contains("array");
			assertType(p.getActualTypeArguments()[0], property.path("items"), where + "[]");
			return;
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class || raw.isEnum()) {
			// enums travel by their @JsonValue name (Capability: "registration", "export" …)
			assertThat(types).as(where).contains("string");
		}
		else if (raw == Instant.class) {
			assertThat(types).as(where).contains("string");
			assertThat(property.path("format").asString()).as(where).isEqualTo("date-time");
		}
		else if (raw == LocalDate.class) {
			assertThat(types).as(where).contains("string");
			assertThat(property.path("format").asString()).as(where).isEqualTo("date");
		}
		else if (raw == boolean.class) {
			assertThat(types).as(where).containsExactly("boolean");
		}
		else if (raw == int.class || raw == long.class) {
			assertThat(types).as(where).containsExactly("integer");
		}
		else if (raw == Integer.class || raw == Long.class) {
			assertThat(types).as(where).contains("integer");
		}
		else if (raw.isRecord()) {
			assertThat(types).as(where).contains("object");
			assertAgree(raw, property, where);
		}
		else {
			throw new AssertionError("No JSON mapping known for " + raw + " at " + where);
		}
	}

	private static Set<String> propertyNames(JsonNode schema) {
		return new LinkedHashSet<>(schema.path("properties").propertyNames());
	}

	private JsonNode load(EventType type) throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
			assertThat(in).as("schema %s on the classpath", type.schemaResource()).isNotNull();
			return this.mapper.readTree(in);
		}
	}

	/** An instance with every field set, so that nothing is left out of the JSON for being null. */
	private static Object sample(Class<?> record) throws Exception {
		RecordComponent[] components = record.getRecordComponents();
		List<Object> values = new ArrayList<>();
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values.add(sampleValue(components[i].getGenericType()));
		}
		return record.getDeclaredConstructor(types).newInstance(values.toArray());
	}

	private static Object sampleValue(Type type) throws Exception {
		if (type instanceof ParameterizedType p) {
			return List.of(sampleValue(p.getActualTypeArguments()[0]));
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			return "x";
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0];
		}
		if (raw == Instant.class) {
			return Instant.parse("2026-04-01T00:00:00Z");
		}
		if (raw == LocalDate.class) {
			return LocalDate.of(2026, 4, 1);
		}
		if (raw == boolean.class) {
			return true;
		}
		if (raw == int.class || raw == Integer.class) {
			return 1;
		}
		if (raw == long.class || raw == Long.class) {
			return 1L;
		}
		return sample(raw);
	}
}
