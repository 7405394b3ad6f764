package jp.nop.cx.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Processed-event records in the service's own database, one per consumer and {@code ce_id},
 * forgotten after a retention period by a TTL index (longer than any redelivery can come late).
 */
public class MongoProcessedEvents implements ProcessedEvents {

	static final String COLLECTION = "processed_events";

	private final MongoTemplate mongo;

	private final Clock clock;

	public MongoProcessedEvents(MongoTemplate mongo, Clock clock, Duration retention) {
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("processedAt", org.springframework.data.domain.Sort.Direction.ASC)
				.expire(retention.toSeconds(), TimeUnit.SECONDS)
				.named("processed_events_ttl"));
	}

	@Override
	public boolean isProcessed(String consumer, String eventId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
	}

	@Override
	public void markProcessed(String consumer, String eventId) {
		try {
			this.mongo.insert(new Document("_id", key(consumer, eventId)).append("consumer", consumer)
				.append("eventId", eventId)
				.append("processedAt", Date.from(this.clock.instant())), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// Another instance finished the same delivery first; nothing to add.
		}
	}

	private static String key(String consumer, String eventId) {
		return consumer + ":" + eventId;
	}
}
