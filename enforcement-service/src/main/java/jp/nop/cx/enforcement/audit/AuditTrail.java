package jp.nop.cx.enforcement.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The append-only, hash-chained audit trail (Art. 4.2, 7.2).
 * <p>
 * Appending is one insert of the entry at sequence head + 1 with the head's hash as its previous
 * hash. The sequence is the {@code _id}, so when two instances append after the same head, the
 * store accepts exactly one and the other gets a duplicate key, reads the new head and tries
 * again: the chain cannot fork, and no head document can disagree with the entries (there is
 * none). The head is cached per instance, so a lone appender needs one write per entry.
 * Idempotent by event ID (unique index): a redelivered event is stored once.
 */
@Service
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final int ATTEMPTS = 50;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final AuditProperties properties;

	/** The last entry this instance knows of; null: read it from the store. */
	private AuditEntry head;

	AuditTrail(MongoTemplate mongo, Clock clock, AuditProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	/** Appends what was recorded, once per event ID; returns the stored entry. */
	public synchronized AuditEntry append(AuditEntry.Recorded recorded) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<AuditEntry> stored = findByEventId(recorded.eventId());
			if (stored.isPresent()) {
				return stored.get();
			}
			AuditEntry last = (this.head != null) ? this.head : readHead();
			long sequence = (last != null) ? last.sequence() + 1 : checkpoint().map((c) -> c.throughSequence() + 1).orElse(1L);
			String previous = (last != null) ? last.hash()
					: checkpoint().map(RetentionCheckpoint::hash).orElse(AuditEntry.GENESIS);
			AuditEntry entry = AuditEntry.append(recorded, sequence, previous, this.clock.instant());
			try {
				this.mongo.insert(entry);
				this.head = entry;
				return entry;
			}
			catch (DuplicateKeyException ex) {
				// Another instance took this sequence (or stored this event) first: look again.
				this.head = null;
			}
		}
		throw new IllegalStateException("Could not append audit entry " + recorded.eventId() + " after " + ATTEMPTS
				+ " attempts: the trail is appended to faster than this instance can follow");
	}

	public Optional<AuditEntry> findByEventId(String eventId) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("eventId").is(eventId)), AuditEntry.class));
	}

	/**
	 * Checks the chain from {@code fromSequence} (null: from its kept beginning), at most the
	 * configured number of entries.
	 */
	ChainVerification.Report verify(Long fromSequence) {
		Optional<RetentionCheckpoint> checkpoint = checkpoint();
		long first = checkpoint.map((c) -> c.throughSequence() + 1).orElse(1L);
		long from = (fromSequence != null) ? Math.max(fromSequence, first) : first;
		String previous;
		if (from == first) {
			previous = checkpoint.map(RetentionCheckpoint::hash).orElse(AuditEntry.GENESIS);
		}
		else {
			AuditEntry before = this.mongo.findById(from - 1, AuditEntry.class);
			if (before == null) {
				return new ChainVerification.Report(false, 0, from, 0, null, false, null,
						new ChainVerification.Break(from - 1, null, ChainVerification.Problem.MISSING));
			}
			previous = before.hash();
		}
		Query query = Query.query(Criteria.where("_id").gte(from))
			.with(Sort.by(Sort.Direction.ASC, "_id"))
			.limit(this.properties.verificationLimit() + 1);
		try (Stream<AuditEntry> entries = this.mongo.stream(query, AuditEntry.class)) {
			Iterator<AuditEntry> iterator = entries.iterator();
			return ChainVerification.verify(from, previous, iterator, this.properties.verificationLimit());
		}
	}

	/**
	 * Removes entries recorded before the retention period from the start of the chain (never the
	 * newest one, which the next entry links to), after first recording the checkpoint. Idempotent:
	 * a run that stopped between the two steps is completed by the next.
	 */
	void pruneExpired() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		AuditEntry newest = readHead();
		AuditEntry lastExpired = this.mongo.findOne(Query.query(Criteria.where("recordedAt").lt(cutoff))
			.with(Sort.by(Sort.Direction.DESC, "recordedAt"))
			.limit(1), AuditEntry.class);
		if (newest == null || lastExpired == null) {
			return;
		}
		long first = checkpoint().map((c) -> c.throughSequence() + 1).orElse(1L);
		long through = Math.min(Math.min(lastExpired.sequence(), newest.sequence() - 1),
				first + this.properties.pruneBatch() - 1);
		AuditEntry boundary = this.mongo.findById(through, AuditEntry.class);
		if (through < first || boundary == null) {
			return;
		}
		try {
			this.mongo.upsert(
					Query.query(Criteria.where("_id").is(RetentionCheckpoint.ID).and("throughSequence").lt(through)),
					new Update().set("throughSequence", through)
						.set("hash", boundary.hash())
						.set("prunedAt", this.clock.instant()),
					RetentionCheckpoint.class);
		}
		catch (DuplicateKeyException ex) {
			// A checkpoint at or beyond this one exists already.
		}
		long removed = this.mongo.remove(Query.query(Criteria.where("_id").lte(through)), AuditEntry.class)
			.getDeletedCount();
		log.info("Audit retention: removed {} entries through sequence {} (recorded before {})", removed, through,
				cutoff);
	}

	private AuditEntry readHead() {
		return this.mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), AuditEntry.class);
	}

	private Optional<RetentionCheckpoint> checkpoint() {
		return Optional.ofNullable(this.mongo.findById(RetentionCheckpoint.ID, RetentionCheckpoint.class));
	}
}
