package jp.nop.cx.platform.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.events.CredentialRevoked;
import jp.nop.cx.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Art. 4.3: reads {@code credential-revoked} into a {@link RevokedCredentials}, the whole topic from
 * its beginning, on every instance. A plain consumer with assigned partitions and no consumer
 * group: a group would share the records among the instances, and each must see every revocation.
 * The service is not ready ({@link #isLoaded()}) until it has read what the topic held at start.
 */
public class RevocationFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

	private static final String TOPIC = EventType.CREDENTIAL_REVOKED.topic();

	/** How often the partitions are looked up while the topic does not exist yet. */
	private static final Duration TOPIC_CHECK = Duration.ofSeconds(1);

	/** How often they are looked up again once it does (partitions may be added). */
	private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);

	private final Map<String, Object> consumerProperties;

	private final RevokedCredentials revoked;

	private final ObjectMapper objectMapper;

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	/** Released by {@link #stop()}: the worker's pauses end at once when the service stops. */
	private volatile CountDownLatch stopping = new CountDownLatch(1);

	/** Exclusive end offsets at start; null until the broker answered. */
	private volatile Map<TopicPartition, Long> targets;

	private volatile boolean loaded;

	public RevocationFeed(Map<String, Object> kafkaConsumerProperties, RevokedCredentials revoked,
			ObjectMapper objectMapper) {
		Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "cx-revocation-feed");
		this.consumerProperties = properties;
		this.revoked = revoked;
		this.objectMapper = objectMapper;
	}

	/** Whether everything the topic held at start has been read. Never goes back. */
	public boolean isLoaded() {
		return this.loaded;
	}

	/** Read offset / end offset at start per partition, for the health details. */
	public Map<String, Object> progress() {
		Map<String, Object> details = new HashMap<>();
		details.put("revokedLoginIds", this.revoked.size());
		Map<TopicPartition, Long> known = this.targets;
		details.put("endOffsetsAtStart", (known != null) ? known.toString() : "not yet known");
		return details;
	}

	@Override
	public void start() {
		this.running = true;
		this.stopping = new CountDownLatch(1);
		this.consumer = new KafkaConsumer<>(this.consumerProperties);
		this.thread = new Thread(this::run, "cx-revocation-feed");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopping.countDown();
		KafkaConsumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread worker = this.thread;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(Duration.ofSeconds(5).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		KafkaConsumer<byte[], byte[]> kafka = this.consumer;
		Set<TopicPartition> assigned = new HashSet<>();
		long nextPartitionCheck = 0;
		try {
			while (this.running) {
				try {
					if (System.nanoTime() - nextPartitionCheck >= 0) {
						assignNewPartitions(kafka, assigned);
						nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
					}
					if (assigned.isEmpty()) {
						// No topic yet: wait (or until stopped) without spinning, then look again.
						pause(TOPIC_CHECK);
						nextPartitionCheck = System.nanoTime();
						continue;
					}
					for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(500))) {
						apply(record);
					}
					evaluate(kafka, assigned);
				}
				catch (WakeupException ex) {
					throw ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					// The broker is away or slow: keep what is known and try again.
					log.warn("Reading {} failed (retrying): {}", TOPIC, ex.toString());
					nextPartitionCheck = System.nanoTime();
					if (!pauseUnlessInterrupted(Duration.ofSeconds(1))) {
						return;
					}
				}
			}
		}
		catch (WakeupException ex) {
			// stop()
		}
		finally {
			kafka.close(Duration.ofSeconds(2));
		}
	}

	private void assignNewPartitions(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> assigned) {
		List<TopicPartition> partitions = kafka.listTopics(Duration.ofSeconds(5)).getOrDefault(TOPIC, List.of())
			.stream()
			.map((p) -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		if (this.targets == null) {
			Map<TopicPartition, Long> ends = partitions.isEmpty() ? Map.of()
					: kafka.endOffsets(partitions, Duration.ofSeconds(5));
			this.targets = Map.copyOf(ends);
			log.info("Revocations to load from {}: {}", TOPIC, ends);
		}
		Set<TopicPartition> added = new HashSet<>(partitions);
		added.removeAll(assigned);
		if (!added.isEmpty()) {
			assigned.addAll(added);
			kafka.assign(assigned);
			kafka.seekToBeginning(added);
		}
		evaluate(kafka, assigned);
	}

	private void evaluate(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> assigned) {
		Map<TopicPartition, Long> known = this.targets;
		if (this.loaded || known == null) {
			return;
		}
		boolean complete = known.entrySet()
			.stream()
			.allMatch((target) -> target.getValue() == 0
					|| (assigned.contains(target.getKey()) && kafka.position(target.getKey()) >= target.getValue()));
		if (complete) {
			this.loaded = true;
			log.info("Revocations loaded: {} login IDs", this.revoked.size());
		}
	}

	private void apply(ConsumerRecord<byte[], byte[]> record) {
		try {
			this.revoked.apply(this.objectMapper.readValue(record.value(), CredentialRevoked.class));
		}
		catch (RuntimeException ex) {
			// A record that cannot be read must not stop every later revocation from being read.
			log.error("Skipping unreadable {} record at {}-{}@{}: {}", TOPIC, record.topic(), record.partition(),
					record.offset(), ex.toString());
		}
	}

	/** {@link #pause}, answering false (interrupt kept) when the thread was interrupted. */
	private boolean pauseUnlessInterrupted(Duration duration) {
		try {
			pause(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Waits {@code duration}, or less when the feed is stopped meanwhile. */
	private void pause(Duration duration) throws InterruptedException {
		this.stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
	}
}
