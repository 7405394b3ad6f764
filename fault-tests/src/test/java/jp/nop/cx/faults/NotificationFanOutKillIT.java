package jp.nop.cx.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.localstack.infra.MailView;
import jp.nop.cx.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Art. 16.2 under a crash: two notification-service instances, a terms change to 2,000 active
 * partners, and the instance that is sending the mail killed (SIGKILL) in the middle of it. The
 * survivor takes the work over once the dead one's job leases run out, and every partner has
 * exactly one inbox notice and one mail of the change.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationFanOutKillIT {

	private static final int PARTNERS = 2_000;

	private static final String DATABASE = "cx-faults-notification";

	private static final String DOMAIN = "@fanout.faults.example";

	private final List<ServiceInstance> instances = new ArrayList<>();

	private MongoClient mongo;

	@BeforeAll
	void twoInstancesAndTwoThousandActivePartners() {
		String missing = FaultStack.unavailableReason("notification-service");
		assumeTrue(missing == null, missing);
		FaultStack stack = FaultStack.get();
		this.mongo = MongoClients.create(stack.mongoUri(DATABASE));
		ActivePartners.insert(this.mongo.getDatabase(DATABASE), "fan-%04d", PARTNERS, DOMAIN, false);

		// Leases shorter than the default 2 min, so the survivor takes over within the test's
		// patience; each stays longer than the job's time budget, as in the defaults. Rounds of 200
		// deliveries instead of 1000, so the sender dies with most of the 2,000 mails still to go.
		Map<String, String> properties = Map.of("cx.notification.fan-out.lock-lease", "15s",
				"cx.notification.fan-out.time-budget", "5s", "cx.notification.delivery.lock-lease", "15s",
				"cx.notification.delivery.time-budget", "5s", "cx.notification.delivery.batch-size", "200");
		for (int n = 1; n <= 2; n++) {
			this.instances.add(ServiceInstance.start("notification-service", n, DATABASE, Map.of(), properties));
		}
		CompletableFuture.allOf(this.instances.stream()
			.map((i) -> CompletableFuture.runAsync(() -> i.awaitReady(Duration.ofMinutes(5))))
			.toArray(CompletableFuture[]::new)).join();
	}

	@AfterAll
	void stop() {
		ServiceInstance.stopAll(this.instances);
		if (this.mongo != null) {
			this.mongo.close();
		}
	}

	@Test
	void everyPartnerGetsExactlyOneInboxNoticeAndOneMailThoughTheSendingInstanceDies() {
		String eventId = Topics.publish(new TermsChanged("BASE", null, "2", Instant.now(), "NOP CXポータル利用規約",
				"第16条に基づく変更（障害試験）", "0".repeat(64), "ja", Instant.now()));

		// Mid fan-out: the instance whose mail lane has recorded its first round is killed, while
		// most of the mail is still to go.
		ServiceInstance sender = await("the instance sending the mail").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(this::mailSender, (found) -> found != null);
		int sentBeforeKill = new HashSet<>(mailsTo()).size();
		sender.kill();
		assertThat(sentBeforeKill).as("mails out when the sender was killed").isLessThan(PARTNERS);
		ServiceInstance survivor = this.instances.stream().filter((i) -> i != sender).findFirst().orElseThrow();

		MongoCollection<Document> inbox = this.mongo.getDatabase(DATABASE).getCollection("inbox");
		MongoCollection<Document> deliveries = this.mongo.getDatabase(DATABASE).getCollection("deliveries");
		// The mails the dead instance handed to SMTP but never recorded are already in the catcher;
		// they are done only when the survivor, after the lease, has sent them again and recorded them.
		await("every partner's inbox notice and mail, sent and recorded").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.failFast("the surviving instance died", () -> !survivor.isAlive())
			.until(() -> inbox.countDocuments(ours(eventId)) >= PARTNERS
					&& new HashSet<>(mailsTo()).size() >= PARTNERS
					&& deliveries.countDocuments(Filters.and(ours(eventId), Filters.eq("channel", "EMAIL"),
							Filters.eq("status", "SENT"))) >= PARTNERS);

		Map<String, Long> noticesPerPartner = new HashMap<>();
		inbox.find(ours(eventId))
			.forEach((item) -> noticesPerPartner.merge(item.getString("partnerId"), 1L, Long::sum));
		assertThat(noticesPerPartner).hasSize(PARTNERS);
		assertThat(notOnce(noticesPerPartner)).as("partners without exactly one inbox notice").isEmpty();

		// A mailbox shows one message per Message-ID, as the catcher lists them.
		Map<String, Long> mailsPerPartner = mailsTo().stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(mailsPerPartner).hasSize(PARTNERS);
		assertThat(notOnce(mailsPerPartner)).as("partners without exactly one mail").isEmpty();

		// The proof of notice agrees: one mail delivery per partner, sent.
		assertThat(deliveries.countDocuments(Filters.and(ours(eventId), Filters.eq("channel", "EMAIL")))).isEqualTo(PARTNERS);
		assertThat(deliveries.countDocuments(Filters.and(ours(eventId), Filters.eq("channel", "EMAIL"),
				Filters.eq("status", "SENT")))).isEqualTo(PARTNERS);

		// And the partner sees it where partners look.
		assertThat(survivor.api().as(TestTokens.partnerAdmin("fan-1999")).get("/api/v1/notifications/me").json()
			.path("items").get(0).path("eventType").asString()).isEqualTo("terms-changed");
	}

	/**
	 * This test's partners' records of the event: partners other tests of the JVM approved on the
	 * same broker are active partners too, and are told as well.
	 */
	private static org.bson.conversions.Bson ours(String eventId) {
		return Filters.and(Filters.eq("eventId", eventId), Filters.regex("partnerId", "^fan-"));
	}

	private static List<String> notOnce(Map<String, Long> counts) {
		return counts.entrySet().stream().filter((e) -> e.getValue() != 1).map((e) -> e.getKey() + "=" + e.getValue()).toList();
	}

	/** The recipient of every distinct mail of the change caught so far. */
	private List<String> mailsTo() {
		List<String> to = new ArrayList<>();
		for (MailView mail : FaultStack.get().mail().messages()) {
			mail.to().stream().map(MailView.Addr::address).filter((a) -> a.endsWith(DOMAIN)).forEach(to::add);
		}
		return to;
	}

	/** The instance whose mail lane has sent mail (it holds the lane's lease), or null if none has yet. */
	private ServiceInstance mailSender() {
		ServiceInstance busiest = null;
		double most = 0;
		for (ServiceInstance instance : this.instances) {
			double sent = instance.counter("cx_notification_deliveries_total", Map.of("channel", "EMAIL", "outcome", "SENT"));
			if (sent > most) {
				most = sent;
				busiest = instance;
			}
		}
		return busiest;
	}

}
