package jp.nop.cx.notification.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The partners' webhook endpoints. */
@Component
public class WebhookEndpoints {

	private final MongoTemplate mongo;

	public WebhookEndpoints(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<WebhookEndpoint> find(String partnerId) {
		return Optional.ofNullable(this.mongo.findById(partnerId, WebhookEndpoint.class));
	}

	public Map<String, WebhookEndpoint> findAll(Collection<String> partnerIds) {
		return this.mongo.find(query(where("partnerId").in(partnerIds)), WebhookEndpoint.class)
			.stream()
			.collect(Collectors.toMap(WebhookEndpoint::partnerId, Function.identity()));
	}

	/** The partners among {@code partnerIds} whose endpoint is active: they get webhook deliveries. */
	public Set<String> activeAmong(Collection<String> partnerIds) {
		return this.mongo.find(query(where("partnerId").in(partnerIds).and("status").is(EndpointStatus.ACTIVE)),
				WebhookEndpoint.class)
			.stream()
			.map(WebhookEndpoint::partnerId)
			.collect(Collectors.toSet());
	}

	WebhookEndpoint save(WebhookEndpoint endpoint) {
		return this.mongo.save(endpoint);
	}

	/** Removes the partner's endpoint; answers whether there was one. */
	public boolean remove(String partnerId) {
		return this.mongo.remove(query(where("partnerId").is(partnerId)), WebhookEndpoint.class).getDeletedCount() > 0;
	}

	/**
	 * Disables the endpoint the receiver said is gone, unless the partner registered another URL
	 * meanwhile (a conditional update: an old delivery never disables a new endpoint).
	 */
	void disable(String partnerId, String url, String reason, Instant now) {
		this.mongo.updateFirst(
				query(where("partnerId").is(partnerId).and("url").is(url).and("status").is(EndpointStatus.ACTIVE)),
				new Update().set("status", EndpointStatus.DISABLED)
					.set("disabledAt", now)
					.set("disabledReason", reason)
					.set("updatedAt", now)
					.inc("version", 1),
				WebhookEndpoint.class);
	}
}
