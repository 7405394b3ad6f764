package jp.nop.cx.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what services published on a topic of the shared broker (a fresh consumer group from
 * the beginning), and publishes CloudEvents to it as another service would.
 */
public final class TopicProbe {

	private TopicProbe() {
	}

	/** One consumed event: its key, CloudEvents headers and JSON body. */
	public record Event(String key, Map<String, String> headers, JsonNode body) {

		public String ceId() {
			return this.headers.get("ce_id");
		}

		public String ceType() {
			return this.headers.get("ce_type");
		}
	}

	/** Waits until an event on {@code topic} matches, and returns it. */
	public static Event await(String topic, Predicate<Event> match) {
		return await(topic, match, Duration.ofSeconds(20));
	}

	public static Event await(String topic, Predicate<Event> match, Duration timeout) {
		List<Event> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					Event event = toEvent(record);
					if (match.test(event)) {
						found.add(event);
						return true;
					}
				}
				return false;
			});
		}
		return found.get(0);
	}

	/** Every event currently on {@code topic} matching {@code match} (reads until quiet). */
	public static List<Event> all(String topic, Predicate<Event> match) {
		List<Event> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			int quietPolls = 0;
			// Read up to the end offsets taken once assigned (on a loaded machine the join and the
			// first fetch can each take seconds, so empty polls alone do not mean the end).
			Map<org.apache.kafka.common.TopicPartition, Long> end = null;
			long deadline = System.currentTimeMillis() + 60_000;
			while (quietPolls < 3 && System.currentTimeMillis() < deadline) {
				var records = consumer.poll(Duration.ofMillis(300));
				for (ConsumerRecord<String, String> record : records) {
					Event event = toEvent(record);
					if (match.test(event)) {
						found.add(event);
					}
				}
				if (end == null && !consumer.assignment().isEmpty()) {
					end = consumer.endOffsets(consumer.assignment());
				}
				if (end != null && records.isEmpty() && reached(consumer, end)) {
					quietPolls++;
				}
			}
		}
		return found;
	}

	private static boolean reached(KafkaConsumer<String, String> consumer,
			Map<org.apache.kafka.common.TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
	}

	/** Publishes {@code payload} as a CloudEvent with the given id (reuse an id to simulate a redelivery). */
	public static void publish(String topic, String key, String ceId, String ceType, Object payload) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrap());
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
			String body = (payload instanceof String s) ? s : JsonMapper.builder().build().writeValueAsString(payload);
			ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
			record.headers().add(h("ce_specversion", "1.0"));
			record.headers().add(h("ce_id", ceId));
			record.headers().add(h("ce_source", "/cx/test"));
			record.headers().add(h("ce_type", ceType));
			record.headers().add(h("ce_time", java.time.Instant.now().toString()));
			record.headers().add(h("ce_subject", key));
			record.headers().add(h("content-type", "application/json"));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Header h(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static KafkaConsumer<String, String> consumer() {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrap());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		return new KafkaConsumer<>(props);
	}

	private static Event toEvent(ConsumerRecord<String, String> record) {
		Map<String, String> headers = new HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		JsonNode body;
		try {
			body = JsonMapper.builder().build().readTree(record.value());
		}
		catch (RuntimeException ex) {
			body = null;
		}
		return new Event(record.key(), headers, body);
	}
}
