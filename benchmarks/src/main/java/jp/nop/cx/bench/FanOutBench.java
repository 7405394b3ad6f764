package jp.nop.cx.bench;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerUpdated;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SPEC section 7, fan-out: a terms change to every active partner (Art. 16.2), timed from the
 * publication until each has its inbox notice and its mail sent.
 *
 * <p>10,000 partners through the API would take longer than the whole run, so they are seeded the
 * way notification-service learns about partners: {@code partner-updated} events (CloudEvents
 * binary mode, key = partner ID, the payload record of the events module) published straight to
 * the broker; the service's projection upserts an ACTIVE partner for each and sends no notice.
 * Seeded once: a second run finds them in the store. The records are counted in the store itself
 * ({@code cx-notification}: {@code partners}, {@code fan_outs}, {@code deliveries}).
 */
final class FanOutBench implements AutoCloseable {

	static final String SEED_PREFIX = "bench-partner-";

	/** The figures of one run. */
	record Outcome(long partners, long inbox, long mail, long duplicates, double seconds, boolean complete) {

		double rate() {
			return (inbox + mail) / seconds;
		}

		boolean met() {
			return complete && duplicates == 0 && rate() >= 2000;
		}
	}

	private final Stack stack;

	private final Api api;

	private final Partners partners;

	private final MongoClient mongo;

	private final MongoDatabase notification;

	FanOutBench(Stack stack, Api api, Partners partners) {
		this.stack = stack;
		this.api = api;
		this.partners = partners;
		this.mongo = MongoClients.create(stack.mongo());
		this.notification = mongo.getDatabase("cx-notification");
	}

	/** Publishes the missing seed partners and waits until the projection holds all of them. */
	void seed(int count) throws Exception {
		MongoCollection<Document> projection = notification.getCollection("partners");
		Bson seeded = Filters.regex("_id", "^" + Pattern.quote(SEED_PREFIX));
		long present = projection.countDocuments(seeded);
		if (present >= count) {
			Bench.progress("fan-out: %d seeded partners already in the projection", present);
			return;
		}
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		long started = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			for (int i = 1; i <= count; i++) {
				String partnerId = String.format("%s%05d", SEED_PREFIX, i);
				PartnerUpdated payload = new PartnerUpdated(partnerId, "ベンチマーク第" + i + "株式会社", "計測 担当" + i,
						partnerId + "@bench.example.jp", (i % 5 == 0) ? "en" : "ja", "benchmarks", now);
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.PARTNER_UPDATED.topic(), partnerId,
						Api.JSON.writeValueAsBytes(payload));
				header(record, "ce_specversion", "1.0");
				header(record, "ce_id", UUID.randomUUID().toString());
				header(record, "ce_source", "/benchmarks");
				header(record, "ce_type", EventType.PARTNER_UPDATED.ceType());
				header(record, "ce_time", now.toString());
				header(record, "ce_subject", partnerId);
				header(record, "content-type", "application/json");
				producer.send(record);
			}
			producer.flush();
		}
		Bench.progress("fan-out: %d partner-updated events published in %.1f s; waiting for the projection", count,
				(System.nanoTime() - started) / 1e9);
		if (!Partners.poll(Duration.ofMinutes(10), Duration.ofSeconds(2), () -> projection.countDocuments(seeded) >= count)) {
			throw new IllegalStateException("the projection did not reach " + count + " seeded partners in 10 min");
		}
		Bench.progress("fan-out: %d seeded partners in the projection after %.0f s", count,
				(System.nanoTime() - started) / 1e9);
	}

	Outcome run(int timeoutSeconds) {
		long active = notification.getCollection("partners").countDocuments(Filters.eq("status", "ACTIVE"));
		String operator = partners.operatorToken();
		String version = nextVersion();
		Instant effectiveFrom = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
		ObjectNode body = Api.object()
			.put("version", version)
			.put("effectiveFrom", effectiveFrom.toString())
			.put("title", "NOP CXポータル利用規約（第" + version + "版）")
			.put("body", "# NOP CXポータル利用規約（第" + version + "版）\n\n第1条（目的）\nベンチマークのための改定です。\n")
			.put("changeSummary", "ベンチマーク: 全パートナーへの通知の計測")
			.put("language", "ja");
		Date since = Date.from(Instant.now().minusSeconds(1));
		long start = System.nanoTime();
		api.post(stack.gateway() + "/api/v1/terms/versions", operator, body).expect(201);
		MongoCollection<Document> fanOuts = notification.getCollection("fan_outs");
		MongoCollection<Document> deliveries = notification.getCollection("deliveries");
		AtomicReference<String> job = new AtomicReference<>();
		AtomicLong inboxCount = new AtomicLong();
		AtomicLong mailCount = new AtomicLong();
		// Every count is a scan of the deliveries on the embedded store, in the process that also
		// serves the fan-out's own queries: asked every 2 s, and a channel no more once it is complete.
		Partners.poll(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(2), () -> {
			if (job.get() == null) {
				Document found = fanOuts.find(Filters.and(Filters.eq("rule", "TERMS_CHANGED"), Filters.gte("createdAt", since)))
					.first();
				job.set((found != null) ? found.getString("eventId") : null);
			}
			if (job.get() == null) {
				return false;
			}
			if (inboxCount.get() < active) {
				inboxCount.set(deliveries.countDocuments(sent(job.get(), "INBOX")));
			}
			if (mailCount.get() < active) {
				mailCount.set(deliveries.countDocuments(sent(job.get(), "EMAIL")));
			}
			return inboxCount.get() >= active && mailCount.get() >= active;
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		String eventId = job.get();
		long inbox = inboxCount.get();
		long mail = mailCount.get();
		boolean complete = inbox >= active && mail >= active;
		long duplicates = (eventId == null) ? 0 : duplicates(deliveries, eventId);
		Bench.progress("fan-out: %d inbox + %d mail of %d partners in %.1f s (%.0f notices/s), %d duplicates", inbox,
				mail, active, seconds, (inbox + mail) / seconds, duplicates);
		// The mail catcher keeps mail in memory: drop the fan-out's mail so repeated runs do not pile up.
		api.send("DELETE", stack.mailApi() + "/api/v1/messages", null, null);
		return new Outcome(active, inbox, mail, duplicates, seconds, complete);
	}

	private static Bson sent(String eventId, String channel) {
		return Filters.and(Filters.eq("eventId", eventId), Filters.eq("channel", channel), Filters.eq("status", "SENT"));
	}

	/** Partner-and-channel pairs with more than one delivery of the event. */
	private static long duplicates(MongoCollection<Document> deliveries, String eventId) {
		List<Bson> pipeline = List.of(Aggregates.match(Filters.eq("eventId", eventId)),
				Aggregates.group(new Document("partner", "$partnerId").append("channel", "$channel"),
						Accumulators.sum("n", 1)),
				Aggregates.match(Filters.gt("n", 1)));
		long count = 0;
		for (Document ignored : deliveries.aggregate(pipeline)) {
			count++;
		}
		return count;
	}

	private String nextVersion() {
		JsonNode versions = api.get(stack.gateway() + "/api/v1/terms/versions", null).expect(200).json();
		JsonNode items = versions.has("items") ? versions.path("items") : versions;
		List<String> known = new ArrayList<>();
		for (JsonNode item : items) {
			known.add(item.isValueNode() ? item.asString() : item.path("version").asString(""));
		}
		int max = 0;
		for (String v : known) {
			if (v.matches("\\d{1,9}")) {
				max = Math.max(max, Integer.parseInt(v));
			}
		}
		return String.valueOf(max + 1);
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public void close() {
		mongo.close();
	}
}
