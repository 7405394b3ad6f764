package jp.nop.cx.gateway.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.platform.outbox.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.core.KafkaTemplate;
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

	private final KafkaTemplate<String, String> kafka;

	private final ObjectMapper objectMapper;

	private final Clock clock;

	private final String source;

	public CloudEventPublisher(KafkaTemplate<String, String> kafka, ObjectMapper objectMapper, Clock clock,
			EventsProperties properties) {
		this.kafka = kafka;
		this.objectMapper = objectMapper;
		this.clock = clock;
		this.source = properties.source();
	}

	/** Sends {@code event} in the background; returns at once. */
	public void publish(CxEvent event) {
		EventType type = EventType.of(event);
		String id = UUID.randomUUID().toString();
		ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), null, event.partitionKey(),
				this.objectMapper.writeValueAsString(event));
		header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
		header(record, CloudEventHeaders.ID, id);
		header(record, CloudEventHeaders.SOURCE, this.source);
		header(record, CloudEventHeaders.TYPE, type.ceType());
		header(record, CloudEventHeaders.TIME, this.clock.instant().toString());
		header(record, CloudEventHeaders.SUBJECT, event.subject());
		header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
		Mono.fromFuture(() -> this.kafka.send(record))
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe((result) -> log.debug("Published {} {} for {}", type.topic(), id, event.partitionKey()),
					(error) -> log.warn("Could not publish {} {} for partner {} (dropped): {}", type.topic(), id,
							event.partitionKey(), error.toString()));
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		if (value != null) {
			record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}
}
