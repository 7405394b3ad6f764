package jp.nop.cx.identity.credential;

import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class CredentialUsageImpl implements CredentialUsage {

	private final MongoTemplate mongo;

	CredentialUsageImpl(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void recordUse(String loginId, Instant at) {
		// Conditional updates instead of a read and a save; the version moves too, so a
		// concurrent save of the aggregate (the dormant sweep deleting it) fails instead of
		// overwriting this use.
		Criteria live = Criteria.where("_id").is(loginId).and("status").ne(CredentialStatus.DELETED);
		this.mongo.updateFirst(
				Query.query(new Criteria().andOperator(live,
						new Criteria().orOperator(Criteria.where("lastUsedAt").is(null),
								Criteria.where("lastUsedAt").lt(at)))),
				new Update().set("lastUsedAt", at).inc("version", 1), Credential.class);
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(loginId).and("status").ne(CredentialStatus.DELETED)
					.and("lastActivityAt").lt(at)),
				new Update().set("lastActivityAt", at).inc("version", 1), Credential.class);
	}
}
