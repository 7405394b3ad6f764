package jp.nop.cx.platform.outbox;

import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Moves the events an aggregate raised into its embedded outbox just before the document is
 * written, so a plain {@code repository.save(aggregate)} stores both atomically.
 */
public class OutboxBeforeConvertCallback implements BeforeConvertCallback<Object>, Ordered {

	private final OutboxEntries entries;

	public OutboxBeforeConvertCallback(OutboxEntries entries) {
		this.entries = entries;
	}

	@Override
	public Object onBeforeConvert(Object entity, String collection) {
		if (entity instanceof OutboxAggregate aggregate && !aggregate.raisedEvents().isEmpty()) {
			aggregate.moveRaisedEventsTo(this.entries.entriesFor(aggregate.raisedEvents()));
		}
		return entity;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
