package jp.nop.cx.terms.version;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Numbers publications in the order the store accepted them, across instances: the tie-break of
 * versions that take effect at the same instant. Stored times have only millisecond precision.
 */
@Component
class PublicationSequence {

	static final String COLLECTION = "sequences";

	private static final String NAME = "terms-publication";

	private final MongoTemplate mongo;

	PublicationSequence(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	long next() {
		try {
			return increment();
		}
		catch (DuplicateKeyException ex) {
			// Two instances created the counter at once; it exists now, so incrementing succeeds.
			return increment();
		}
	}

	private long increment() {
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(NAME)),
				new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, COLLECTION);
		return ((Number) counter.get("value")).longValue();
	}
}
