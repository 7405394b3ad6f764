package jp.nop.cx.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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

	/**
	 * IDs of published entries. A save replaces the whole aggregate document, so a copy loaded
	 * before the relay removed an entry writes that entry back (the removal does not change
	 * {@code @Version}, and must not: the request's save would then fail for nothing). The relay
	 * therefore remembers what it sent in a collection no aggregate save touches, and removes a
	 * written-back entry without sending it again (SPEC 4: relayed once; ADR 0002).
	 */
	public static final String SENT_COLLECTION = "outbox_sent";

	private final MongoTemplate mongo;

	private final CloudEventProducer producer;

	private final OutboxProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	private final AtomicLong pending = new AtomicLong();

	private volatile Instant backoffUntil = Instant.MIN;

	private volatile Instant nextPurge = Instant.MIN;

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
		purgeSentIds(now);
		Set<String> collections = this.mongo.getCollectionNames();
		log.trace("Relay pass over {}", collections);
		for (String collection : collections) {
			if (collection.startsWith("system.") || collection.equals(SENT_COLLECTION)) {
				continue;
			}
			List<Document> candidates = this.mongo.find(
					new Query(hasPending().andOperator(claimable(now))).limit(this.properties.batchSize()),
					Document.class, collection);
			for (Document candidate : candidates) {
				int sent = relayClaimed(collection, candidate.get("_id"), now);
				if (sent < 0) {
					this.pending.set(stillPending + 1);
					return published;
				}
				published += sent;
			}
			stillPending += this.mongo.count(new Query(hasPending()), collection);
		}
		this.pending.set(stillPending);
		return published;
	}

	/**
	 * The entries of one document just saved, looked up by its ID: no pass over the collections,
	 * whose scans grow with every document kept (an audit trail, the deliveries) and would put
	 * their cost between a suspension and its event. Returns how many entries were published.
	 */
	public int relayDocument(String collection, Object id) {
		Instant now = this.clock.instant();
		if (now.isBefore(this.backoffUntil)) {
			return 0;
		}
		return Math.max(0, relayClaimed(collection, id, now));
	}

	/** Claims, publishes and releases one document; -1 when the broker failed (backing off). */
	private int relayClaimed(String collection, Object id, Instant now) {
		Document claimed = claim(collection, id, now);
		if (claimed == null) {
			return 0; // sent already, or another instance holds it
		}
		try {
			return publish(collection, claimed);
		}
		catch (RuntimeException ex) {
			// Broker unreachable or slow: keep the entries, try again after a short pause.
			log.warn("Outbox relay could not publish from {} (will retry): {}", collection, rootCause(ex).toString());
			this.backoffUntil = this.clock.instant().plusSeconds(1);
			return -1;
		}
		finally {
			release(collection, id);
		}
	}

	private int publish(String collection, Document document) {
		@SuppressWarnings("unchecked")
		List<Document> entries = (List<Document>) document.get(OutboxAggregate.OUTBOX_FIELD, List.class);
		Set<String> alreadySent = sentAmong(entries);
		int count = 0;
		for (Document entry : entries) {
			String eventId = entry.getString("eventId");
			if (alreadySent.contains(eventId)) {
				log.debug("Not republishing {} written back to {} by a stale save", eventId, collection);
			}
			else {
				send(entry);
				// Remembered before the removal, so there is no moment a written-back copy looks unsent.
				this.mongo.upsert(Query.query(Criteria.where("_id").is(eventId)),
						new Update().set("sentAt", Date.from(this.clock.instant())), SENT_COLLECTION);
				log.debug("Published {} {} from {}", entry.getString("type"), eventId, collection);
				count++;
			}
			// Remove exactly this entry: entries added meanwhile by a new save stay for the next pass.
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
					new Update().pull(OutboxAggregate.OUTBOX_FIELD, new Document("eventId", eventId)), collection);
		}
		return count;
	}

	private Set<String> sentAmong(List<Document> entries) {
		List<String> ids = entries.stream().map((e) -> e.getString("eventId")).toList();
		return this.mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, SENT_COLLECTION)
			.stream()
			.map((d) -> d.getString("_id"))
			.collect(Collectors.toSet());
	}

	private void purgeSentIds(Instant now) {
		if (now.isBefore(this.nextPurge)) {
			return;
		}
		if (this.nextPurge.equals(Instant.MIN)) {
			// On MongoDB the TTL index does the work; mongo-java-server accepts it but never expires.
			this.mongo.indexOps(SENT_COLLECTION)
				.createIndex(new Index("sentAt", Sort.Direction.ASC).expire(this.properties.sentRetention()));
		}
		this.mongo.remove(new Query(Criteria.where("sentAt").lt(Date.from(now.minus(this.properties.sentRetention())))),
				SENT_COLLECTION);
		this.nextPurge = now.plusSeconds(60);
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
