package jp.nop.cx.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.DeliveryLanes;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.support.ProgrammableResolver;
import jp.nop.cx.notification.support.TestMail;
import jp.nop.cx.notification.support.WebhookReceiver;
import jp.nop.cx.platform.secret.SealedSecrets;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.MutableClock;
import jp.nop.cx.test.TopicProbe;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Base of every integration test of the module, so they share one Spring context: the service on
 * a random port against the shared broker and Mongo-wire store, a GreenMail SMTP server, a webhook
 * receiver on 127.0.0.1 (allowlisted by its exact ip:port, every other private target refused),
 * a clock the test moves and a DNS the test programs.
 */
@CxIntegrationTest(properties = { "spring.mail.host=127.0.0.1", "cx.notification.delivery.poll-interval=100ms",
		// Lanes never rest longer than they poll: the tests move the clock and expect retries on the next look.
		"cx.notification.delivery.idle-poll-max=100ms",
		"cx.notification.fan-out.poll-interval=100ms", "cx.notification.portal-base-url=https://portal.nop.example",
		"cx.notification.operator-email=operator@nop.example", "cx.notification.webhooks.allow-private-targets=false",
		"cx.notification.event-secret-key=" + NotificationIT.EVENT_KEY,
		// The shared broker and store stop with the JVM, maybe before this context: do not wait 30 s for them.
		"spring.lifecycle.timeout-per-shutdown-phase=5s" })
@Import(NotificationIT.TestInfrastructure.class)
public abstract class NotificationIT {

	protected static final TestMail MAIL = TestMail.get();

	/** A test key only; identity-service seals activation tokens with the deployment's own. */
	protected static final String EVENT_KEY = "dGVzdC1ldmVudC1rZXktMzItYnl0ZXMtbG9uZy0wMDA=";

	/** What identity-service does to an activation token before it goes into {@code credential-issued}. */
	protected static final SealedSecrets IDENTITY_SIDE = SealedSecrets.withKey(EVENT_KEY, "test event key");

	protected static final WebhookReceiver HOOKS = WebhookReceiver.get();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected ProgrammableResolver dns;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected DeliveryLanes lanes;

	@DynamicPropertySource
	static void testServers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", MAIL::port);
		registry.add("cx.notification.webhooks.private-target-allowlist", () -> "127.0.0.1:" + HOOKS.port());
	}

	@AfterEach
	void backToRealTime() {
		this.clock.reset();
		this.dns.clear();
	}

	protected ApiClient api() {
		return ApiClient.at(this.port);
	}

	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
	}

	/** Publishes {@code payload} as another service would; answers its {@code ce_id}. */
	protected static String publish(CxEvent payload) {
		String ceId = UUID.randomUUID().toString();
		publish(payload, ceId);
		return ceId;
	}

	protected static void publish(CxEvent payload, String ceId) {
		EventType type = EventType.of(payload);
		TopicProbe.publish(type.topic(), payload.partitionKey(), ceId, type.ceType(), payload);
	}

	/** A new active partner, projected (its approval notice is sent too). */
	protected PartnerApproved approvedPartner(String companyName, String language) {
		String partnerId = "p-" + UUID.randomUUID();
		PartnerApproved approved = new PartnerApproved(partnerId, "a-" + UUID.randomUUID(), companyName,
				"1234567890123", "田中 太郎", partnerId + "@example.co.jp", language, "1", Instant.now(), "operator",
				Instant.now());
		publish(approved);
		eventually().until(() -> this.mongo.findById(partnerId, PartnerProjection.class) != null);
		return approved;
	}

	protected List<Delivery> deliveriesOf(String eventId) {
		return this.mongo.find(query(where("eventId").is(eventId)), Delivery.class);
	}

	protected List<Delivery> deliveriesOf(String eventId, Channel channel) {
		return this.mongo.find(query(where("eventId").is(eventId).and("channel").is(channel)), Delivery.class);
	}

	protected Delivery awaitDelivery(String eventId, Channel channel, DeliveryStatus status) {
		eventually().until(() -> deliveriesOf(eventId, channel).stream().anyMatch((d) -> d.status() == status));
		return deliveriesOf(eventId, channel).stream().filter((d) -> d.status() == status).findFirst().orElseThrow();
	}

	protected TestMail.Mail awaitMail(String address, String subjectContains) {
		eventually().until(() -> MAIL.to(address).stream().anyMatch((m) -> m.subject().contains(subjectContains)));
		return MAIL.to(address).stream().filter((m) -> m.subject().contains(subjectContains)).findFirst().orElseThrow();
	}

	/** Runs a lane now, in this thread, once the scheduled run (if any) lets go of its lock. */
	protected void runLane(Channel channel) {
		eventually().until(() -> this.lanes.runNow(channel));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestInfrastructure {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return MutableClock.startingNow();
		}

		@Bean
		@Primary
		ProgrammableResolver programmableResolver() {
			return new ProgrammableResolver();
		}

		/** A lane caught by JVM shutdown after the shared store stopped gives up quickly. */
		@Bean
		MongoClientSettingsBuilderCustomizer quickServerSelection() {
			return (settings) -> settings.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS));
		}
	}
}
