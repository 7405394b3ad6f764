package jp.nop.cx.platform.outbox;

import java.util.List;

import org.bson.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;

/**
 * After a document with pending outbox entries was written, nudges the relay, so its events leave
 * now rather than at the next poll (the poll stays: it picks up what a nudge could not send).
 */
public class OutboxAfterSaveCallback implements AfterSaveCallback<Object> {

	private final ObjectProvider<OutboxRelayScheduler> scheduler;

	public OutboxAfterSaveCallback(ObjectProvider<OutboxRelayScheduler> scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Object onAfterSave(Object entity, Document document, String collection) {
		if (document.get(OutboxAggregate.OUTBOX_FIELD) instanceof List<?> entries && !entries.isEmpty()) {
			this.scheduler.ifAvailable((relay) -> relay.nudge(collection, document.get("_id")));
		}
		return entity;
	}
}
