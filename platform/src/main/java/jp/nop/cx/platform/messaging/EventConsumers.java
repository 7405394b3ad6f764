package jp.nop.cx.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.platform.outbox.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Builds Spring Cloud Stream consumers that read a CloudEvents binary-mode message, skip an
 * event they have already processed (by {@code ce_id}) and hand the payload to a handler.
 * A handler that throws lets the binder retry and then dead-letter the message.
 */
public class EventConsumers {

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

	private final ObjectMapper objectMapper;

	private final ProcessedEvents processed;

	public EventConsumers(ObjectMapper objectMapper, ProcessedEvents processed) {
		this.objectMapper = objectMapper;
		this.processed = processed;
	}

	/**
	 * A consumer named {@code consumer} (unique in the service: it scopes the duplicate check)
	 * for payloads of {@code type}.
	 */
	public <T extends CxEvent> Consumer<Message<byte[]>> idempotent(String consumer, Class<T> type,
			Consumer<InboundEvent<T>> handler) {
		return (message) -> {
			log.trace("{} received {}", consumer, message.getHeaders());
			InboundEvent<T> event;
			try {
				event = read(message, type);
			}
			catch (RuntimeException ex) {
				log.warn("{} cannot read event {} ({}): {}", consumer,
						header(message.getHeaders(), CloudEventHeaders.ID), type.getSimpleName(), ex.toString());
				throw ex;
			}
			if (event.id() != null && this.processed.isProcessed(consumer, event.id())) {
				log.debug("{} skips duplicate event {}", consumer, event.id());
				return;
			}
			try {
				handler.accept(event);
			}
			catch (RuntimeException ex) {
				log.warn("{} failed on event {} for {} (retried, then dead-lettered): {}", consumer, event.id(),
						event.subject(), ex.toString());
				throw ex;
			}
			if (event.id() != null) {
				this.processed.markProcessed(consumer, event.id());
			}
		};
	}

	public <T> InboundEvent<T> read(Message<byte[]> message, Class<T> type) {
		MessageHeaders headers = message.getHeaders();
		T payload = this.objectMapper.readValue(message.getPayload(), type);
		String time = header(headers, CloudEventHeaders.TIME);
		return new InboundEvent<>(header(headers, CloudEventHeaders.ID), header(headers, CloudEventHeaders.TYPE),
				header(headers, CloudEventHeaders.SOURCE), header(headers, CloudEventHeaders.SUBJECT),
				(time != null) ? Instant.parse(time) : null, payload);
	}

	static String header(MessageHeaders headers, String name) {
		Object value = headers.get(name);
		if (value == null && name.startsWith("ce_")) {
			// Spring Cloud Function renames ce_* to ce-* on messages without ce_specversion.
			value = headers.get("ce-" + name.substring(3));
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}
}
