package jp.nop.cx.enforcement.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Searching the trail, newest first. Every filter combination is served by one of the compound
 * indexes of {@link AuditEntry} (partner + time, login ID + time, time), which also give the order.
 */
@Service
class AuditQueries {

	private final MongoTemplate mongo;

	AuditQueries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	record Filter(String partnerId, String loginId, Instant from, Instant to, String action) {
	}

	record EntryPage(List<AuditEntry> items, int page, int size, long total) {
	}

	EntryPage find(Filter filter, int page, int size) {
		Criteria criteria = new Criteria();
		if (filter.partnerId() != null) {
			criteria.and("partnerId").is(filter.partnerId());
		}
		if (filter.loginId() != null) {
			criteria.and("loginId").is(filter.loginId());
		}
		if (filter.from() != null || filter.to() != null) {
			Criteria time = criteria.and("occurredAt");
			if (filter.from() != null) {
				time.gte(filter.from());
			}
			if (filter.to() != null) {
				time.lt(filter.to());
			}
		}
		if (filter.action() != null) {
			criteria.and("action").is(filter.action());
		}
		Query query = Query.query(criteria);
		long total = this.mongo.count(query, AuditEntry.class);
		query.with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size);
		return new EntryPage(this.mongo.find(query, AuditEntry.class), page, size, total);
	}

	List<AuditEntry> findByEventIds(List<String> eventIds) {
		return this.mongo.find(Query.query(Criteria.where("eventId").in(eventIds)), AuditEntry.class);
	}
}
