package jp.nop.cx.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jp.nop.cx.events.AuditRecorded;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.gateway.messaging.CloudEventPublisher;
import jp.nop.cx.gateway.messaging.EventsProperties;
import jp.nop.cx.platform.outbox.CloudEventProducer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While Kafka is away, entries wait (bounded) and are retried with their ID; a full buffer refuses. */
class AuditBufferTest {

	private final FlakyBroker broker = new FlakyBroker();

	private final AuditBuffer buffer = new AuditBuffer(this.broker,
			new AuditProperties(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1),
					Duration.ofSeconds(5)),
			new SimpleMeterRegistry());

	@Test
	void anEntryIsRetriedWithItsIdUntilTheBrokerAcknowledgesIt() {
		this.broker.failures.set(3);
		assertThat(this.buffer.reserve()).isTrue();

		this.buffer.deliver(entry(), "id-1");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.buffer.pending() == 0);
		assertThat(this.broker.attempts).containsExactly("id-1", "id-1", "id-1", "id-1");
		assertThat(this.broker.acknowledged).containsExactly("id-1");
	}

	@Test
	void whenEveryPlaceWaitsForTheBrokerFurtherWritesAreRefusedUntilOneIsAcknowledged() {
		this.broker.failures.set(Integer.MAX_VALUE);
		assertThat(this.buffer.reserve()).isTrue();
		this.buffer.deliver(entry(), "id-1");
		assertThat(this.buffer.reserve()).isTrue();
		this.buffer.deliver(entry(), "id-2");

		assertThat(this.buffer.reserve()).isFalse();
		assertThat(this.buffer.pending()).isEqualTo(2);

		this.broker.failures.set(0);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.buffer.pending() == 0);
		assertThat(this.broker.acknowledged).containsExactlyInAnyOrder("id-1", "id-2");
		assertThat(this.buffer.reserve()).isTrue();
	}

	private static AuditRecorded entry() {
		return new AuditRecorded("admin-p-1", "p-1", List.of("PARTNER_ADMIN"), "PATCH /api/v1/partners/me", List.of(),
				200, null, "198.51.100.1", null, null, Instant.now());
	}

	/** A broker that refuses the next {@code failures} sends. */
	static final class FlakyBroker extends CloudEventPublisher {

		final AtomicInteger failures = new AtomicInteger();

		final Queue<String> attempts = new ConcurrentLinkedQueue<>();

		final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

		FlakyBroker() {
			super(new CloudEventProducer(Map.of("bootstrap.servers", "127.0.0.1:1")), JsonMapper.builder().build(),
					Clock.systemUTC(), new EventsProperties("/cx/gateway"));
		}

		@Override
		public Mono<Void> send(CxEvent event, String id) {
			return Mono.defer(() -> {
				this.attempts.add(id);
				if (this.failures.getAndUpdate((n) -> (n == Integer.MAX_VALUE) ? n : Math.max(0, n - 1)) > 0) {
					return Mono.error(new IllegalStateException("broker away"));
				}
				this.acknowledged.add(id);
				return Mono.empty();
			});
		}
	}
}
