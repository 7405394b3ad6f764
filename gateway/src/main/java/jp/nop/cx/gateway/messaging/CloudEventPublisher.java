package jp.nop.cx.gateway.messaging;

import java.time.Clock;
import java.util.UUID;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.platform.outbox.CloudEventProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Publishes the gateway's own observations ({@code partner-activity},
 * {@code excessive-load-detected}) as CloudEvents in Kafka binary mode, fire-and-forget.
 * <p>
 * The gateway has no database, hence no outbox: these events are samples of traffic, and a lost
 * one is replaced by the next observation. What matters more is that a request never waits for
 * Kafka: the send (which may block up to {@code max.block.ms} while the broker is away) runs on a
 * worker thread and a failure is only logged.
 */
@Component
public class CloudEventPublisher {

	private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);

	private final CloudEventProducer producer;

	private final ObjectMapper objectMapper;

	private final Clock clock;

	private final String source;

	public CloudEventPublisher(CloudEventProducer producer, ObjectMapper objectMapper, Clock clock,
			EventsProperties properties) {
		this.producer = producer;
		this.objectMapper = objectMapper;
		this.clock = clock;
		this.source = properties.source();
	}

	/** Sends {@code event} in the background; returns at once. */
	public void publish(CxEvent event) {
		EventType type = EventType.of(event);
		String id = UUID.randomUUID().toString();
		send(event, id).subscribe(null,
				(error) -> log.warn("Could not publish {} {} for partner {} (dropped): {}", type.topic(), id,
						event.partitionKey(), error.toString()));
	}

	/**
	 * Sends {@code event} as {@code ce_id} {@code id} when subscribed, off the caller's thread; each
	 * subscription sends again (so a retry keeps the ID); completes when the broker acknowledged it.
	 */
	public Mono<Void> send(CxEvent event, String id) {
		EventType type = EventType.of(event);
		String json = this.objectMapper.writeValueAsString(event);
		return Mono.fromFuture(() -> this.producer.send(type.topic(), event.partitionKey(),
				new CloudEventProducer.Attributes(id, this.source, type.ceType(), this.clock.instant().toString(),
						event.subject(), null),
				json))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext((result) -> log.debug("Published {} {} for {}", type.topic(), id, event.partitionKey()))
			.then();
	}
}
