package jp.nop.cx.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The delivery records: written in bulk, taken when due, searched by operators. */
@Component
public class Deliveries {

	private final MongoTemplate mongo;

	/** When this instance last recorded new deliveries ({@link System#nanoTime()}), to wake resting lanes. */
	private final AtomicLong lastRecorded = new AtomicLong(System.nanoTime());

	public Deliveries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** {@link System#nanoTime()} of this instance's last {@link #insertNew} that wrote something. */
	long lastRecorded() {
		return this.lastRecorded.get();
	}

	/**
	 * Inserts the deliveries that do not exist yet, in one unordered bulk write. A delivery for the
	 * same event, recipient and channel is refused by the unique index, not by a read first, so
	 * two consumers racing on one event still write one notice. Returns how many were new.
	 */
	public int insertNew(List<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return 0;
		}
		int written = write(deliveries);
		if (written > 0) {
			this.lastRecorded.set(System.nanoTime());
		}
		return written;
	}

	private int write(List<Delivery> deliveries) {
		try {
			return this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class)
				.insert(deliveries)
				.execute()
				.getInsertedCount();
		}
		catch (BulkOperationException ex) {
			if (ex.getErrors().stream().allMatch(Deliveries::isDuplicate)) {
				return deliveries.size() - ex.getErrors().size();
			}
			throw ex;
		}
		catch (DuplicateKeyException ex) {
			// A driver that reports a lone duplicate this way: the others of an unordered write went in.
			return deliveries.size() - 1;
		}
	}

	/** The pending deliveries of {@code channel} whose next attempt is due, oldest first. */
	public List<Delivery> due(Channel channel, Instant now, int limit) {
		Query due = query(where("channel").is(channel)
			.and("status")
			.is(DeliveryStatus.PENDING)
			.and("nextAttemptAt")
			.lte(now)).with(Sort.by("nextAttemptAt")).limit(limit);
		return this.mongo.find(due, Delivery.class);
	}

	/** Writes back what a lane did to a round of deliveries, in one bulk write. */
	public void saveAll(List<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
		deliveries.forEach((d) -> bulk.replaceOne(query(where("id").is(d.id())), d));
		bulk.execute();
	}

	public Optional<Delivery> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Delivery.class));
	}

	/** A page of deliveries matching the operator's filter, newest first. */
	public List<Delivery> search(DeliveryFilter filter, int page, int size) {
		return this.mongo.find(filter.query().with(Sort.by(Sort.Direction.DESC, "createdAt", "id"))
			.skip((long) page * size)
			.limit(size), Delivery.class);
	}

	public long count(DeliveryFilter filter) {
		return this.mongo.count(filter.query(), Delivery.class);
	}

	/**
	 * The notices addressed to the partner itself (not the operator's alerts about it, nor the
	 * previous owner's notice of a transfer), for the partner's backup.
	 */
	public List<Delivery> addressedTo(String partnerId) {
		Criteria criteria = where("partnerId").is(partnerId)
			.and("audience")
			.in(Audience.PARTNER_CONTACT, Audience.ALL_ACTIVE_PARTNERS, Audience.TRANSFEREE, Audience.CREDENTIAL_HOLDER);
		return this.mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")), Delivery.class);
	}

	public List<Delivery> ofEvent(String eventId) {
		return this.mongo.find(query(where("eventId").is(eventId)), Delivery.class);
	}

	private static boolean isDuplicate(BulkWriteError error) {
		return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
	}

	/** The operator's filter; null members match everything. */
	public record DeliveryFilter(String partnerId, String eventType, DeliveryStatus status, Channel channel) {

		Query query() {
			Criteria criteria = new Criteria();
			if (this.partnerId != null) {
				criteria = criteria.and("partnerId").is(this.partnerId);
			}
			if (this.eventType != null) {
				criteria = criteria.and("eventType").is(this.eventType);
			}
			if (this.status != null) {
				criteria = criteria.and("status").is(this.status);
			}
			if (this.channel != null) {
				criteria = criteria.and("channel").is(this.channel);
			}
			return Query.query(criteria);
		}
	}
}
