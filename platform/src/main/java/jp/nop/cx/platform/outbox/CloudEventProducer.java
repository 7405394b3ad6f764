package jp.nop.cx.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes CloudEvents 1.0 in Kafka binary mode: attributes as {@code ce_*} headers, the JSON
 * payload as the value, the partner ID as the key. It has its own String-serialising producer so
 * the global producer settings stay as the binder needs them (its dead-letter producer sends the
 * consumed record's raw bytes).
 */
public class CloudEventProducer implements DisposableBean {

	private final DefaultKafkaProducerFactory<String, String> factory;

	private final KafkaTemplate<String, String> kafka;

	public CloudEventProducer(Map<String, Object> producerProperties) {
		this.factory = new DefaultKafkaProducerFactory<>(producerProperties, new StringSerializer(),
				new StringSerializer());
		this.kafka = new KafkaTemplate<>(this.factory);
	}

	/** Sends one event; the future completes when the broker acknowledged it. */
	public CompletableFuture<SendResult<String, String>> send(String topic, String key, Attributes attributes,
			String json) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key, json);
		header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
		header(record, CloudEventHeaders.ID, attributes.id());
		header(record, CloudEventHeaders.SOURCE, attributes.source());
		header(record, CloudEventHeaders.TYPE, attributes.type());
		header(record, CloudEventHeaders.TIME, attributes.time());
		header(record, CloudEventHeaders.SUBJECT, attributes.subject());
		header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
		header(record, CloudEventHeaders.TRACEPARENT, attributes.traceparent());
		return this.kafka.send(record);
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		if (value != null) {
			record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Override
	public void destroy() {
		this.factory.destroy();
	}

	/** The CloudEvents attributes of one event ({@code time} as an RFC 3339 string). */
	public record Attributes(String id, String source, String type, String time, String subject,
			String traceparent) {
	}
}
