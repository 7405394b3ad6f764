package jp.nop.cx.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes pending outbox entries, at least once and in order per document, then removes them.
 * Several instances may run: each claims a document with a lease before publishing its entries,
 * so in the normal case an entry is sent once (ADR 0002).
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String LEASE_FIELD = "_outboxLease";

	private final MongoTemplate mongo;

	private final CloudEventProducer producer;

	private final OutboxProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	private final AtomicLong pending = new AtomicLong();

	private volatile Instant backoffUntil = Instant.MIN;

	public OutboxRelay(MongoTemplate mongo, CloudEventProducer producer, OutboxProperties properties,
			Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.producer = producer;
		this.properties = properties;
		this.clock = clock;
		meters.gauge("cx.outbox.pending", this.pending);
	}

	/** One pass over every collection; returns how many entries were published. */
	public int relayPending() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.backoffUntil)) {
			return 0;
		}
		int published = 0;
		long stillPending = 0;
		Set<String> collections = this.mongo.getCollectionNames();
		log.trace("Relay pass over {}", collections);
		for (String collection : collections) {
			if (collection.startsWith("system.")) {
				continue;
			}
			List<Document> candidates = this.mongo.find(
					new Query(hasPending().andOperator(claimable(now))).limit(this.properties.batchSize()),
					Document.class, collection);
			for (Document candidate : candidates) {
				Document claimed = claim(collection, candidate.get("_id"), now);
				if (claimed == null) {
					continue;
				}
				try {
					published += publish(collection, claimed);
				}
				catch (RuntimeException ex) {
					// Broker unreachable or slow: keep the entries, try again after a short pause.
					log.warn("Outbox relay could not publish from {} (will retry): {}", collection,
							rootCause(ex).toString());
					this.backoffUntil = this.clock.instant().plusSeconds(1);
					release(collection, claimed.get("_id"));
					this.pending.set(stillPending + 1);
					return published;
				}
				release(collection, claimed.get("_id"));
			}
			stillPending += this.mongo.count(new Query(hasPending()), collection);
		}
		this.pending.set(stillPending);
		return published;
	}

	private int publish(String collection, Document document) {
		@SuppressWarnings("unchecked")
		List<Document> entries = (List<Document>) document.get(OutboxAggregate.OUTBOX_FIELD, List.class);
		int count = 0;
		for (Document entry : entries) {
			send(entry);
			log.debug("Published {} {} from {}", entry.getString("type"), entry.getString("eventId"), collection);
			// Remove exactly this entry: entries added meanwhile by a new save stay for the next pass.
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
					new Update().pull(OutboxAggregate.OUTBOX_FIELD, new Document("eventId", entry.getString("eventId"))),
					collection);
			count++;
		}
		return count;
	}

	private void send(Document entry) {
		Object time = entry.get("time");
		CloudEventProducer.Attributes attributes = new CloudEventProducer.Attributes(entry.getString("eventId"),
				this.properties.source(), entry.getString("type"),
				(time instanceof Date date) ? date.toInstant().toString() : String.valueOf(time),
				entry.getString("subject"), entry.getString("traceparent"));
		try {
			this.producer.send(entry.getString("topic"), entry.getString("key"), attributes, entry.getString("payload"))
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing " + entry.getString("eventId"), ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Publishing " + entry.getString("eventId") + " failed", ex);
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private Document claim(String collection, Object id, Instant now) {
		Query query = new Query(Criteria.where("_id").is(id).andOperator(hasPending(), claimable(now)));
		Update update = new Update().set(LEASE_FIELD,
				new Document("owner", this.owner).append("until", Date.from(now.plus(this.properties.lease()))));
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class,
				collection);
	}

	private void release(String collection, Object id) {
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and(LEASE_FIELD + ".owner").is(this.owner)),
				new Update().unset(LEASE_FIELD), collection);
	}

	private static Criteria hasPending() {
		return Criteria.where(OutboxAggregate.OUTBOX_FIELD + ".0").exists(true);
	}

	private static Criteria claimable(Instant now) {
		return new Criteria().orOperator(Criteria.where(LEASE_FIELD).exists(false),
				Criteria.where(LEASE_FIELD + ".until").lt(Date.from(now)));
	}
}
