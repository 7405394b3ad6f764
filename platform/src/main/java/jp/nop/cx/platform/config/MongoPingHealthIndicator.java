package jp.nop.cx.platform.config;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's database answers. Uses {@code ping}, which every MongoDB wire server answers,
 * where Boot's own indicator sends {@code hello}, which mongo-java-server does not know.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		builder.status((answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) ? "UP" : "DOWN")
			.withDetail("database", this.mongo.getDb().getName());
	}
}
