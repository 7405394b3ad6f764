package jp.nop.cx.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A lease in the service's database so that a scheduled job runs on one instance at a time
 * when several are deployed. The lease expires by itself if its holder dies.
 */
public class JobLock {

	static final String COLLECTION = "job_locks";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	public JobLock(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Runs {@code job} if this instance gets the lease named {@code name}; returns whether it ran. */
	public boolean runExclusively(String name, Duration lease, Runnable job) {
		if (!acquire(name, lease)) {
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("owner").is(this.owner)),
					new Update().set("until", Date.from(Instant.EPOCH)), COLLECTION);
		}
	}

	private boolean acquire(String name, Duration lease) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id").is(name).and("until").lt(Date.from(now)));
		Update take = new Update().set("owner", this.owner).set("until", Date.from(now.plus(lease)));
		if (this.mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Document.class,
				COLLECTION) != null) {
			return true;
		}
		try {
			this.mongo.insert(new Document("_id", name).append("owner", this.owner)
				.append("until", Date.from(now.plus(lease))), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}
}
