package jp.nop.cx.notification.notice;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Stores the events that call for notices and reads them back as typed payloads. */
@Component
public class NoticeEvents {

	private final MongoTemplate mongo;

	private final ObjectMapper json;

	public NoticeEvents(MongoTemplate mongo, ObjectMapper json) {
		this.mongo = mongo;
		this.json = json;
	}

	/** Keeps the event once; a redelivery finds it there and changes nothing. */
	public void keep(NoticeEvent event) {
		try {
			this.mongo.insert(event);
		}
		catch (DuplicateKeyException alreadyKept) {
			// The same ce_id again: the first copy is the record.
		}
	}

	public String toJson(CxEvent payload) {
		return this.json.writeValueAsString(payload);
	}

	public Map<String, NoticeEvent> findAll(Collection<String> eventIds) {
		List<NoticeEvent> found = this.mongo.find(query(where("eventId").in(eventIds)), NoticeEvent.class);
		return found.stream().collect(Collectors.toMap(NoticeEvent::eventId, Function.identity()));
	}

	/** The typed payload of a kept event. */
	public CxEvent payload(NoticeEvent event) {
		EventType type = EventType.ofTopic(event.eventType())
			.orElseThrow(() -> new IllegalStateException("Unknown event type " + event.eventType()));
		return this.json.readValue(event.payload(), type.payloadType());
	}

	/**
	 * Forgets the secrets an event carried once its notice no longer needs them: the sealed
	 * activation token of {@code credential-issued} (Art. 4.1) is kept only until its mail is sent
	 * or given up, and so is the unlock token of {@code credential-locked}. Both are sealed even
	 * meanwhile; the raw tokens exist only in the mails.
	 */
	public void forgetSecrets(String eventId, String eventType) {
		String secretField = EventType.CREDENTIAL_ISSUED.topic().equals(eventType) ? "sealedActivationToken"
				: EventType.CREDENTIAL_LOCKED.topic().equals(eventType) ? "sealedUnlockToken" : null;
		if (secretField == null) {
			return;
		}
		NoticeEvent event = this.mongo.findById(eventId, NoticeEvent.class);
		if (event == null || !(this.json.readTree(event.payload()) instanceof ObjectNode tree)) {
			return;
		}
		tree.putNull(secretField);
		this.mongo.updateFirst(query(where("eventId").is(eventId)),
				new Update().set("payload", this.json.writeValueAsString(tree)), NoticeEvent.class);
	}

	/** The payload as a JSON tree, e.g. for a webhook body. */
	public JsonNode payloadTree(NoticeEvent event) {
		return this.json.readTree(event.payload());
	}
}
