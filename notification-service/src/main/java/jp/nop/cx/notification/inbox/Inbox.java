package jp.nop.cx.notification.inbox;

import java.time.Clock;
import java.util.List;

import jp.nop.cx.platform.rules.RuleViolation;

import com.mongodb.ErrorCategory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The partners' inboxes: each partner sees and marks only its own notices. */
@Service
public class Inbox {

	private final MongoTemplate mongo;

	private final Clock clock;

	public Inbox(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** One page of the partner's notices, newest first, with its unread and total counts. */
	public InboxPage of(String partnerId, int page, int size) {
		Query mine = query(where("partnerId").is(partnerId));
		List<InboxItem> items = this.mongo.find(Query.of(mine)
			.with(Sort.by(Sort.Direction.DESC, "createdAt", "id"))
			.skip((long) page * size)
			.limit(size), InboxItem.class);
		long total = this.mongo.count(mine, InboxItem.class);
		long unread = this.mongo.count(query(where("partnerId").is(partnerId).and("read").is(false)), InboxItem.class);
		return new InboxPage(items, unread, total, page, size);
	}

	/** Marks one of the partner's own notices read; another partner's is "not found" (404). */
	public void markRead(String partnerId, String itemId, String loginId) {
		Query own = query(where("id").is(itemId).and("partnerId").is(partnerId));
		Query unreadOwn = Query.of(own).addCriteria(where("read").is(false));
		long changed = this.mongo.updateFirst(unreadOwn, new Update().set("read", true)
			.set("readAt", this.clock.instant())
			.set("readBy", loginId), InboxItem.class).getModifiedCount();
		if (changed == 0 && !this.mongo.exists(own, InboxItem.class)) {
			throw RuleViolation.notFound("notification");
		}
	}

	/** Every notice of the partner, for its backup (Art. 5, 6). */
	public List<InboxItem> all(String partnerId) {
		return this.mongo.find(query(where("partnerId").is(partnerId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
				InboxItem.class);
	}

	/** Places items; one placed before (same delivery) stays as it is. */
	void place(List<InboxItem> items) {
		if (items.isEmpty()) {
			return;
		}
		try {
			this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, InboxItem.class).insert(items).execute();
		}
		catch (BulkOperationException ex) {
			boolean onlyDuplicates = ex.getErrors()
				.stream()
				.allMatch((e) -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
			if (!onlyDuplicates) {
				throw ex;
			}
		}
		catch (DuplicateKeyException alreadyPlaced) {
			// The rest of an unordered write went in.
		}
	}

	/** A page of the inbox. */
	public record InboxPage(List<InboxItem> items, long unread, long total, int page, int size) {
	}
}
