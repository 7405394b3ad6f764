package jp.nop.cx.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault tests' view of the topics on the {@link FaultStack}'s broker: publishing as another
 * service would (a CloudEvent in binary mode), and reading a topic as a consumer of its own.
 */
final class Topics {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Topics() {
	}

	/** A record as a consumer sees it: key, CloudEvents headers, JSON body. */
	record Event(String key, Map<String, String> headers, JsonNode body) {

		String ceId() {
			return this.headers.get("ce_id");
		}
	}

	/** Publishes {@code payload} as the service owning its topic would; answers the event's id. */
	static String publish(CxEvent payload) {
		EventType type = EventType.of(payload);
		String id = UUID.randomUUID().toString();
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, FaultStack.get().kafkaBootstrap());
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
			ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), payload.partitionKey(),
					JSON.writeValueAsString(payload));
			header(record, "ce_specversion", "1.0");
			header(record, "ce_id", id);
			header(record, "ce_source", "/cx/fault-tests");
			header(record, "ce_type", type.ceType());
			header(record, "ce_time", Instant.now().toString());
			header(record, "ce_subject", payload.partitionKey());
			header(record, "content-type", "application/json");
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("publishing to " + type.topic() + " failed", ex);
		}
		return id;
	}

	/** A consumer of its own (no group) reading {@code topic} from its beginning. */
	static Reader read(String topic) {
		return new Reader(topic);
	}

	static final class Reader implements AutoCloseable {

		private final KafkaConsumer<String, String> consumer;

		private final List<Event> events = new ArrayList<>();

		private Reader(String topic) {
			Properties props = new Properties();
			props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, FaultStack.get().kafkaBootstrap());
			props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-tests-" + UUID.randomUUID());
			props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
			props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
			props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
			this.consumer = new KafkaConsumer<>(props);
			this.consumer.subscribe(List.of(topic));
		}

		/** Polls once and answers everything read so far. */
		List<Event> poll() {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(500))) {
				Map<String, String> headers = new HashMap<>();
				for (Header header : record.headers()) {
					headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
				}
				this.events.add(new Event(record.key(), headers, JSON.readTree(record.value())));
			}
			return List.copyOf(this.events);
		}

		@Override
		public void close() {
			this.consumer.close();
		}
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
