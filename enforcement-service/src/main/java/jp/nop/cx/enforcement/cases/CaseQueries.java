package jp.nop.cx.enforcement.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.nop.cx.platform.rules.RuleViolation;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Reading cases and records: one case, a page of cases across partners, a partner's record. */
@Service
public class CaseQueries {

	private static final String COLLECTION = "enforcement_records";

	private final EnforcementRecordRepository records;

	private final MongoTemplate mongo;

	CaseQueries(EnforcementRecordRepository records, MongoTemplate mongo) {
		this.records = records;
		this.mongo = mongo;
	}

	public EnforcementCase findCase(String caseId) {
		return this.records.findByCasesCaseId(caseId)
			.flatMap((record) -> record.findCase(caseId))
			.orElseThrow(() -> RuleViolation.notFound("case").with("caseId", caseId));
	}

	/** One of {@code partnerId}'s own cases; another partner's is not found, so its existence is not confirmed. */
	public EnforcementCase findCaseOf(String partnerId, String caseId) {
		return this.records.findById(partnerId)
			.flatMap((record) -> record.findCase(caseId))
			.orElseThrow(() -> RuleViolation.notFound("case").with("caseId", caseId));
	}

	public Optional<EnforcementRecord> findRecord(String partnerId) {
		return this.records.findById(partnerId);
	}

	/** Cases, newest first, optionally of one partner and in one status. */
	public CasePage findCases(String partnerId, CaseStatus status, int page, int size) {
		List<AggregationOperation> filter = new ArrayList<>();
		if (partnerId != null) {
			filter.add(Aggregation.match(Criteria.where("_id").is(partnerId)));
		}
		filter.add(Aggregation.unwind("cases"));
		if (status != null) {
			filter.add(Aggregation.match(Criteria.where("cases.status").is(status.name())));
		}
		List<AggregationOperation> pageOf = new ArrayList<>(filter);
		pageOf.add(Aggregation.sort(Sort.by(Sort.Order.desc("cases.openedAt"), Sort.Order.asc("cases.caseId"))));
		pageOf.add(Aggregation.skip((long) page * size));
		pageOf.add(Aggregation.limit(size));
		pageOf.add(Aggregation.replaceRoot("cases"));
		List<EnforcementCase> items = this.mongo
			.aggregate(Aggregation.newAggregation(pageOf), COLLECTION, EnforcementCase.class)
			.getMappedResults();
		List<AggregationOperation> counting = new ArrayList<>(filter);
		counting.add(Aggregation.count().as("total"));
		Document count = this.mongo.aggregate(Aggregation.newAggregation(counting), COLLECTION, Document.class)
			.getUniqueMappedResult();
		long total = (count != null) ? ((Number) count.get("total")).longValue() : 0;
		return new CasePage(items, page, size, total);
	}

	/** One page of cases. */
	public record CasePage(List<EnforcementCase> items, int page, int size, long total) {
	}
}
