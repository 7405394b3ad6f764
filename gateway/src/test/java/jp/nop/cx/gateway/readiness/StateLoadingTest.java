package jp.nop.cx.gateway.readiness;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class StateLoadingTest {

	private static final TopicPartition STANDINGS = new TopicPartition("partner-standing", 1);

	private static final TopicPartition REVOCATIONS = new TopicPartition("credential-revoked", 0);

	private final StateLoading loading = new StateLoading(new KafkaAdmin(Map.of()),
			new ReadinessProperties("/actuator/health/readiness", Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(1)));

	@Test
	void notLoadedBeforeTheEndOffsetsAreKnown() {
		this.loading.read(headers(STANDINGS, 41));

		assertThat(this.loading.isLoaded()).isFalse();
	}

	@Test
	void loadedOnceEveryPartitionWasReadUpToWhereItEndedAtStart() {
		this.loading.targets(Map.of(STANDINGS, 42L, REVOCATIONS, 3L));

		this.loading.read(headers(STANDINGS, 41));
		assertThat(this.loading.isLoaded()).isFalse();
		this.loading.read(headers(REVOCATIONS, 2));

		assertThat(this.loading.isLoaded()).isTrue();
	}

	@Test
	void recordsReadBeforeTheEndOffsetsWereKnownCount() {
		this.loading.read(headers(STANDINGS, 41));

		this.loading.targets(Map.of(STANDINGS, 42L));

		assertThat(this.loading.isLoaded()).isTrue();
	}

	@Test
	void nothingToReadMeansLoaded() {
		this.loading.targets(Map.of());

		assertThat(this.loading.isLoaded()).isTrue();
	}

	@Test
	void anIdleConsumersPositionCoversOffsetsWithoutRecords() {
		// The last offsets before the end hold no record any more (compaction, retention).
		this.loading.targets(Map.of(STANDINGS, 42L));
		this.loading.read(headers(STANDINGS, 30));
		MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
		consumer.assign(List.of(STANDINGS));
		consumer.seek(STANDINGS, 42);

		this.loading.idle(new ListenerContainerIdleEvent(this, this, 1000, "onPartnerStanding", List.of(STANDINGS),
				consumer, false));

		assertThat(this.loading.isLoaded()).isTrue();
	}

	@Test
	void otherTopicsDoNotCount() {
		this.loading.targets(Map.of(STANDINGS, 42L));

		this.loading.read(headers(new TopicPartition("terms-changed", 1), 100));

		assertThat(this.loading.isLoaded()).isFalse();
	}

	private static MessageHeaders headers(TopicPartition partition, long offset) {
		return new MessageHeaders(Map.of(KafkaHeaders.RECEIVED_TOPIC, partition.topic(),
				KafkaHeaders.RECEIVED_PARTITION, partition.partition(), KafkaHeaders.OFFSET, offset));
	}
}
