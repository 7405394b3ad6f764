package jp.nop.cx.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.localstack.infra.MailView;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fan-out row of SPEC section 7 on one's own worktree: one notification-service instance,
 * started from its jar as {@code ./cx up} starts it (same JVM options; the H2-backed store, the
 * broker and the SMTP catcher of the local stack in this JVM, on random ports), 10,000 active
 * partners in its projection, one {@code terms-changed}. Timed as {@code ./cx bench} times it:
 * from the event until every partner has a SENT inbox and a SENT mail delivery, counted in the
 * store every 0.5 s. It prints the figure (to {@code target/fanout-throughput.txt} too) and
 * asserts only what must hold at any speed: one inbox notice and one mail per partner.
 *
 * <p>Tag {@code benchmark}: not one of the fault tests, and never run by CI.
 * {@code ./mvnw -B -ntp -o -q verify -Pfaults -pl fault-tests -am -Dgroups=benchmark
 * -Dcx.faults.excludedGroups=faults -Dit.test=FanOutThroughputIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}; partners
 * with {@code -Dcx.bench.partners=N}, JFR with {@code CX_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=...}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutThroughputIT {

	private static final int PARTNERS = Integer.getInteger("cx.bench.partners", 10_000);

	/**
	 * How often the store is asked, every 2 s as {@code ./cx bench} asks ({@code -Dcx.bench.poll=0.5s}
	 * to see what the asking costs: each count scans the deliveries on this store).
	 */
	private static final Duration POLL = Duration.parse("PT" + System.getProperty("cx.bench.poll", "2s"));

	private static final String DATABASE = "cx-bench-notification";

	private static final String DOMAIN = "@throughput.bench.example";

	private ServiceInstance instance;

	private MongoClient mongo;

	@BeforeAll
	void oneInstanceAndTenThousandActivePartners() {
		String missing = FaultStack.unavailableReason("notification-service");
		assumeTrue(missing == null, missing);
		FaultStack stack = FaultStack.get();
		this.mongo = MongoClients.create(stack.mongoUri(DATABASE));
		// The projection as partner-updated events leave it (the way ./cx bench seeds it).
		ActivePartners.insert(this.mongo.getDatabase(DATABASE), "bench-%05d", PARTNERS, DOMAIN, true);
		this.instance = ServiceInstance.start("notification-service", 1, DATABASE, Map.of(), Map.of());
		this.instance.awaitReady(Duration.ofMinutes(5));
	}

	@AfterAll
	void stop() {
		if (this.instance != null) {
			ServiceInstance.stopAll(List.of(this.instance));
		}
		if (this.mongo != null) {
			this.mongo.close();
		}
	}

	@Test
	void termsChangeToEveryActivePartner() {
		MongoCollection<Document> deliveries = this.mongo.getDatabase(DATABASE).getCollection("deliveries");
		long started = System.nanoTime();
		String eventId = Topics.publish(new TermsChanged("BASE", null, "2", Instant.now(), "NOP CXポータル利用規約",
				"第16条に基づく変更（計測）", "0".repeat(64), "ja", Instant.now()));
		AtomicLong inboxSent = new AtomicLong();
		AtomicLong mailSent = new AtomicLong();
		await("every partner's inbox notice and mail sent").atMost(Duration.ofMinutes(15))
			.pollInterval(POLL)
			.failFast("the instance died", () -> !this.instance.isAlive())
			.until(() -> {
				inboxSent.set(deliveries.countDocuments(sent(eventId, "INBOX")));
				mailSent.set(deliveries.countDocuments(sent(eventId, "EMAIL")));
				return inboxSent.get() >= PARTNERS && mailSent.get() >= PARTNERS;
			});
		double seconds = (System.nanoTime() - started) / 1e9;
		report(String.format("fan-out %s: %d inbox + %d mail for %d partners in %.1f s = %.0f notices/s (store asked every %s)",
				Instant.now(), inboxSent.get(), mailSent.get(), PARTNERS, seconds,
				(inboxSent.get() + mailSent.get()) / seconds, POLL));

		assertThat(perPartner(deliveries, Filters.and(Filters.eq("eventId", eventId), Filters.eq("channel", "INBOX"))))
			.as("inbox deliveries per partner").hasSize(PARTNERS).allSatisfy((p, n) -> assertThat(n).isOne());
		assertThat(perPartner(deliveries, Filters.and(Filters.eq("eventId", eventId), Filters.eq("channel", "EMAIL"))))
			.as("mail deliveries per partner").hasSize(PARTNERS).allSatisfy((p, n) -> assertThat(n).isOne());
		MongoCollection<Document> inbox = this.mongo.getDatabase(DATABASE).getCollection("inbox");
		assertThat(perPartner(inbox, Filters.eq("eventId", eventId))).as("inbox notices per partner")
			.hasSize(PARTNERS)
			.allSatisfy((p, n) -> assertThat(n).isOne());
		Map<String, Long> mails = new HashMap<>();
		for (MailView mail : FaultStack.get().mail().messages()) {
			mail.to().stream().map(MailView.Addr::address).filter((a) -> a.endsWith(DOMAIN))
				.forEach((a) -> mails.merge(a, 1L, Long::sum));
		}
		assertThat(mails).as("mails per partner").hasSize(PARTNERS).allSatisfy((p, n) -> assertThat(n).isOne());
	}

	private static Bson sent(String eventId, String channel) {
		return Filters.and(Filters.eq("eventId", eventId), Filters.eq("channel", channel), Filters.eq("status", "SENT"));
	}

	private static Map<String, Long> perPartner(MongoCollection<Document> collection, Bson filter) {
		Map<String, Long> counts = new HashMap<>();
		collection.find(filter).forEach((d) -> counts.merge(d.getString("partnerId"), 1L, Long::sum));
		return counts;
	}

	private static void report(String line) {
		System.out.println(line);
		try {
			Files.writeString(Path.of(System.getProperty("cx.state", "target"), "..", "fanout-throughput.txt"),
					line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
