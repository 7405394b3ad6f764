package jp.nop.cx.test.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.nop.cx.platform.outbox.CloudEventProducer;
import jp.nop.cx.platform.outbox.OutboxProperties;
import jp.nop.cx.platform.outbox.OutboxRelay;
import jp.nop.cx.test.InfrastructureCondition;
import jp.nop.cx.test.SharedInfrastructure;
import jp.nop.cx.test.TopicProbe;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several relay instances on the same store: every entry is published once, in order per
 * document, and removed. (Job locks: {@code SchedulerLockIT}.)
 */
@ExtendWith(InfrastructureCondition.class)
class OutboxRelayContentionIT {

	private static MongoClient client;

	private static MongoTemplate mongo;

	private static CloudEventProducer kafka;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(SharedInfrastructure.get().mongoUri("relay-contention"));
		mongo = new MongoTemplate(client, "relay-contention");
		kafka = new CloudEventProducer(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrap()));
	}

	@AfterAll
	static void close() {
		client.close();
		kafka.destroy();
	}

	@Test
	void twoRelaysPublishEveryEntryOnceInOrderPerDocument() {
		String topic = "partner-warned";
		String run = UUID.randomUUID().toString();
		for (int d = 0; d < 20; d++) {
			List<Document> entries = new ArrayList<>();
			for (int e = 0; e < 3; e++) {
				entries.add(new Document("eventId", run + "-" + d + "-" + e).append("topic", topic)
					.append("type", "jp.nop.cx.partner.warned.v1")
					.append("key", run + "-" + d)
					.append("subject", run + "-" + d)
					.append("time", new Date())
					.append("payload", "{\"seq\":" + e + "}"));
			}
			mongo.insert(new Document("_id", run + "-" + d).append("_outbox", entries), "widgets");
		}
		OutboxProperties properties = new OutboxProperties("/cx/test", Duration.ofMillis(50), Duration.ofSeconds(30),
				Duration.ofSeconds(10), 5, true, Duration.ofHours(1));
		OutboxRelay first = new OutboxRelay(mongo, kafka, properties, Clock.systemUTC(), new SimpleMeterRegistry());
		OutboxRelay second = new OutboxRelay(mongo, kafka, properties, Clock.systemUTC(), new SimpleMeterRegistry());

		CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first));
		CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second));
		a.join();
		b.join();

		List<TopicProbe.Event> published = TopicProbe.all(topic, (e) -> e.key() != null && e.key().startsWith(run));
		Map<String, Long> perId = published.stream()
			.collect(Collectors.groupingBy(TopicProbe.Event::ceId, Collectors.counting()));
		assertThat(perId).hasSize(60);
		assertThat(perId.values()).allMatch((n) -> n == 1);
		Map<String, List<Integer>> sequencePerKey = published.stream()
			.collect(Collectors.groupingBy(TopicProbe.Event::key,
					Collectors.mapping((e) -> e.body().path("seq").asInt(), Collectors.toList())));
		assertThat(sequencePerKey.values()).allSatisfy((seq) -> assertThat(seq).containsExactly(0, 1, 2));
		assertThat(mongo.getCollection("widgets").countDocuments(new Document("_outbox.0", new Document("$exists", true))))
			.isZero();
	}

	private static void drain(OutboxRelay relay) {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline
				&& mongo.getCollection("widgets").countDocuments(new Document("_outbox.0", new Document("$exists", true))) > 0) {
			relay.relayPending();
		}
	}
}
