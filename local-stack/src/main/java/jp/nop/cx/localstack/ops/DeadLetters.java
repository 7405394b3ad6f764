package jp.nop.cx.localstack.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./cx dlq list|replay <topic>} (SPEC section 6): the dead letters of a topic, i.e. every
 * record of {@code error.<topic>.<group>}, for each consumer group that gave up on one; and
 * their re-drive, once the cause is fixed, into the topic they came from, with their key, body
 * and CloudEvents headers unchanged. Consumers are idempotent by {@code ce_id}, so the groups
 * that had processed the event skip it; the one that failed processes it now. What was
 * replayed is remembered (consumer group {@code cx-dlq-replay}): a second replay re-drives only
 * newer dead letters.
 */
public final class DeadLetters implements AutoCloseable {

	static final String REPLAY_GROUP = "cx-dlq-replay";

	/** Headers the binder adds to a dead letter; they stay behind when it is re-driven. */
	private static final Set<String> DEAD_LETTER_HEADERS = Set.of("x-original-topic", "x-original-partition",
			"x-original-offset", "x-original-timestamp", "x-original-timestamp-type", "x-exception-fqcn",
			"x-exception-message", "x-exception-stacktrace", "x-exception-cause-fqcn");

	private final String bootstrap;

	private final Admin admin;

	public DeadLetters(String bootstrap) {
		this.bootstrap = bootstrap;
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		this.admin = Admin.create(properties);
	}

	/** One dead letter as an operator reads it. */
	public record DeadLetter(String deadLetterTopic, int partition, long offset, String key, String ceId, String ceType,
			Instant time, String error, int bodyBytes) {
	}

	/** The dead-letter topics of {@code topic}: {@code error.<topic>.<group>}, one per failing group. */
	public List<String> topicsOf(String topic) throws ExecutionException, InterruptedException {
		String prefix = "error." + topic + ".";
		return this.admin.listTopics().names().get().stream().filter((name) -> name.startsWith(prefix)).sorted().toList();
	}

	public List<DeadLetter> list(String topic) throws ExecutionException, InterruptedException {
		List<DeadLetter> letters = new ArrayList<>();
		for (String deadLetterTopic : topicsOf(topic)) {
			try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
				List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				for (ConsumerRecord<byte[], byte[]> record : readToEnd(consumer, partitions)) {
					letters.add(new DeadLetter(deadLetterTopic, record.partition(), record.offset(), string(record.key()),
							header(record, "ce_id"), header(record, "ce_type"), Instant.ofEpochMilli(record.timestamp()),
							header(record, "x-exception-message"), (record.value() == null) ? 0 : record.value().length));
				}
			}
		}
		return letters;
	}

	/** Re-drives every dead letter of {@code topic} not replayed before; returns how many. */
	public int replay(String topic) throws ExecutionException, InterruptedException {
		int replayed = 0;
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (String deadLetterTopic : topicsOf(topic)) {
				try (KafkaConsumer<byte[], byte[]> consumer = consumer(REPLAY_GROUP)) {
					List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
					consumer.assign(partitions);
					Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
					for (TopicPartition partition : partitions) {
						OffsetAndMetadata done = committed.get(partition);
						if (done == null) {
							consumer.seekToBeginning(List.of(partition));
						}
						else {
							consumer.seek(partition, done.offset());
						}
					}
					Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
					for (ConsumerRecord<byte[], byte[]> record : readToEnd(consumer, partitions)) {
						String target = header(record, "x-original-topic");
						ProducerRecord<byte[], byte[]> again = new ProducerRecord<>((target != null) ? target : topic, null,
								record.key(), record.value());
						for (Header header : record.headers()) {
							if (!DEAD_LETTER_HEADERS.contains(header.key())) {
								again.headers().add(header);
							}
						}
						producer.send(again).get();
						progress.put(new TopicPartition(record.topic(), record.partition()),
								new OffsetAndMetadata(record.offset() + 1));
						replayed++;
					}
					if (!progress.isEmpty()) {
						consumer.commitSync(progress);
					}
				}
			}
		}
		return replayed;
	}

	private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		return consumer.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.collect(Collectors.toList());
	}

	/** Everything up to the end offsets as they are now: a listing never waits for new letters. */
	private static List<ConsumerRecord<byte[], byte[]>> readToEnd(KafkaConsumer<byte[], byte[]> consumer,
			List<TopicPartition> partitions) {
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			}
		}
		return records;
	}

	private KafkaConsumer<byte[], byte[]> consumer(String group) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		if (group != null) {
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		}
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header == null) ? null : string(header.value());
	}

	private static String string(byte[] bytes) {
		return (bytes == null) ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
