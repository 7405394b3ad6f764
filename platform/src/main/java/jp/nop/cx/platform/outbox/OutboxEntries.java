package jp.nop.cx.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Turns events into outbox entries, and adds them to a hand-written {@link Update} for the
 * places that change a document with a conditional {@code findAndModify} instead of a save.
 */
public class OutboxEntries {

	private final ObjectMapper objectMapper;

	private final Clock clock;

	private final ObjectProvider<Tracer> tracer;

	public OutboxEntries(ObjectMapper objectMapper, Clock clock, ObjectProvider<Tracer> tracer) {
		this.objectMapper = objectMapper;
		this.clock = clock;
		this.tracer = tracer;
	}

	public OutboxEntry entryFor(CxEvent event) {
		EventType type = EventType.of(event);
		return new OutboxEntry(UUID.randomUUID().toString(), type.topic(), type.ceType(), event.partitionKey(),
				event.subject(), this.clock.instant(), this.objectMapper.writeValueAsString(event), traceparent());
	}

	public List<OutboxEntry> entriesFor(List<? extends CxEvent> events) {
		return events.stream().map(this::entryFor).toList();
	}

	/** Adds the events to {@code update}, so the same document operation stores them. */
	public Update pushTo(Update update, List<? extends CxEvent> events) {
		if (!events.isEmpty()) {
			update.push(OutboxAggregate.OUTBOX_FIELD).each(entriesFor(events).toArray());
		}
		return update;
	}

	private String traceparent() {
		Tracer t = this.tracer.getIfAvailable();
		Span span = (t != null) ? t.currentSpan() : null;
		if (span == null) {
			return null;
		}
		return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
				+ (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
	}
}
