package jp.nop.cx.gateway.readiness;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jp.nop.cx.events.EventType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * Knows whether the enforcement state (partner standings, service status, revocations) has been
 * read from the state topics up to the end offsets observed when the gateway started, so that a
 * restarted gateway never reports ready, nor lets anyone through, with a partial view (Art. 4.3,
 * 7.2, 8-11).
 * <p>
 * Progress comes from two places: the offset of every record the consumers handle, and, when a
 * consumer is idle, its position (which also covers offsets that hold no record, e.g. after
 * compaction or retention at the end of a partition).
 */
@Component
public class StateLoading implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StateLoading.class);

	/** The topics whose content decides who may pass. */
	public static final Set<String> STATE_TOPICS = Set.of(EventType.PARTNER_STANDING.topic(),
			EventType.SERVICE_STATUS_CHANGED.topic(), EventType.CREDENTIAL_REVOKED.topic());

	private final KafkaAdmin kafkaAdmin;

	private final Duration retryInterval;

	/** Highest offset read (or skipped as empty) per partition. */
	private final Map<TopicPartition, Long> readUpTo = new ConcurrentHashMap<>();

	/** Exclusive end offsets at start, of the partitions that held anything; null until known. */
	private volatile Map<TopicPartition, Long> targets;

	private volatile boolean loaded;

	private volatile Disposable discovery;

	private volatile boolean running;

	private final long startedNanos = System.nanoTime();

	public StateLoading(KafkaAdmin kafkaAdmin, ReadinessProperties properties) {
		this.kafkaAdmin = kafkaAdmin;
		this.retryInterval = properties.offsetsRetryInterval();
	}

	/** Whether every state topic has been read up to where it ended at start. Never goes back. */
	public boolean isLoaded() {
		return this.loaded;
	}

	/** Per state partition: read offset / end offset at start, for the health details. */
	public Map<String, String> progress() {
		Map<TopicPartition, Long> known = this.targets;
		if (known == null) {
			return Map.of("endOffsets", "not yet known");
		}
		return known.entrySet()
			.stream()
			.collect(Collectors.toMap((e) -> e.getKey().toString(),
					(e) -> (this.readUpTo.getOrDefault(e.getKey(), -1L) + 1) + "/" + e.getValue()));
	}

	/** Wraps a consumer of a state topic so that every record it handles counts as read. */
	public Consumer<Message<byte[]>> tracked(Consumer<Message<byte[]>> handler) {
		return (message) -> {
			try {
				handler.accept(message);
			}
			finally {
				// A record that cannot be applied is logged by the handler and skipped by the
				// binder; waiting for it would keep the gateway unready forever.
				read(message.getHeaders());
			}
		};
	}

	void read(MessageHeaders headers) {
		Object topic = headers.get(KafkaHeaders.RECEIVED_TOPIC);
		Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
		Object offset = headers.get(KafkaHeaders.OFFSET);
		if (topic instanceof String name && partition instanceof Integer number && offset instanceof Long value
				&& STATE_TOPICS.contains(name)) {
			readUpTo(new TopicPartition(name, number), value);
		}
	}

	/** An idle consumer has nothing more to read below its position. */
	@EventListener
	void idle(ListenerContainerIdleEvent event) {
		Collection<TopicPartition> partitions = event.getTopicPartitions();
		if (this.loaded || partitions == null || event.getConsumer() == null) {
			return;
		}
		// Idle events are published on the consumer's own thread, where position() is allowed.
		for (TopicPartition partition : partitions) {
			if (STATE_TOPICS.contains(partition.topic())) {
				long position = event.getConsumer().position(partition);
				log.debug("{} idle at position {}", partition, position);
				readUpTo(partition, position - 1);
			}
		}
	}

	void readUpTo(TopicPartition partition, long offset) {
		this.readUpTo.merge(partition, offset, Math::max);
		evaluate();
	}

	void targets(Map<TopicPartition, Long> endOffsets) {
		this.targets = Map.copyOf(endOffsets);
		log.info("Enforcement state to load: {}", endOffsets);
		evaluate();
	}

	private void evaluate() {
		Map<TopicPartition, Long> known = this.targets;
		if (this.loaded || known == null) {
			return;
		}
		boolean complete = known.entrySet()
			.stream()
			.allMatch((target) -> this.readUpTo.getOrDefault(target.getKey(), -1L) >= target.getValue() - 1);
		if (complete) {
			this.loaded = true;
			log.info("Enforcement state loaded in {} ms",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startedNanos));
		}
	}

	/** End offsets of the partitions that hold records; empty topics need no reading. */
	Map<TopicPartition, Long> fetchEndOffsets() throws Exception {
		Map<String, Object> config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		try (Admin admin = Admin.create(config)) {
			Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			List<String> topics = STATE_TOPICS.stream().filter(existing::contains).toList();
			if (topics.isEmpty()) {
				return Map.of();
			}
			Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			descriptions.values()
				.forEach((d) -> d.partitions().forEach((p) -> {
					TopicPartition partition = new TopicPartition(d.name(), p.partition());
					latest.put(partition, OffsetSpec.latest());
					earliest.put(partition, OffsetSpec.earliest());
				}));
			Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
			Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest)
				.all()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, Long> targets = new HashMap<>();
			ends.forEach((partition, end) -> {
				if (end.offset() > starts.get(partition).offset()) {
					targets.put(partition, end.offset());
				}
			});
			return targets;
		}
	}

	@Override
	public void start() {
		this.discovery = Mono.fromCallable(this::fetchEndOffsets)
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.retryInterval)
				.doBeforeRetry((signal) -> log.warn("Cannot read the end offsets of {} yet (retrying): {}",
						STATE_TOPICS, signal.failure().toString())))
			.subscribe(this::targets);
		this.running = true;
	}

	@Override
	public void stop() {
		Disposable current = this.discovery;
		if (current != null) {
			current.dispose();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}
}
