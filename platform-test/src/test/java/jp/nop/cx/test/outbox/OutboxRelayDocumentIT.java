package jp.nop.cx.test.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.platform.outbox.OutboxBeforeConvertCallback;
import jp.nop.cx.platform.outbox.OutboxRelay;
import jp.nop.cx.test.InfrastructureCondition;
import jp.nop.cx.test.SharedInfrastructure;
import jp.nop.cx.test.TopicProbe;
import jp.nop.cx.test.outbox.publisher.PublisherApp;
import jp.nop.cx.test.outbox.publisher.Warning;
import jp.nop.cx.test.outbox.publisher.WarningRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A save's nudge relays the saved document, found by its ID, and nothing else: the pass over
 * every collection, whose scans grow with the documents kept, stays with the poll. The poll
 * interval here is an hour, so only nudges and the test's explicit calls relay anything.
 */
@ExtendWith(InfrastructureCondition.class)
class OutboxRelayDocumentIT {

	private static final String TOPIC = "partner-warned";

	private static ConfigurableApplicationContext publisher;

	@BeforeAll
	static void start() {
		String bootstrap = SharedInfrastructure.get().kafkaBootstrap();
		publisher = new SpringApplicationBuilder(PublisherApp.class).web(WebApplicationType.NONE)
			.run("--spring.application.name=outbox-relay-document", "--spring.kafka.bootstrap-servers=" + bootstrap,
					"--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
					"--spring.mongodb.uri=" + SharedInfrastructure.get().mongoUri("outbox-relay-document"),
					"--spring.cloud.function.definition=", "--cx.outbox.poll-interval=1h");
	}

	@AfterAll
	static void stop() {
		if (publisher != null) {
			publisher.close();
		}
	}

	@Test
	void aNudgeRelaysTheSavedDocumentAndLeavesAnotherDocumentsPendingEntryToThePass() {
		MongoTemplate store = publisher.getBean(MongoTemplate.class);
		WarningRepository warnings = publisher.getBean(WarningRepository.class);
		String run = "by-id-" + UUID.randomUUID();
		String unnudged = run + "-b";
		String saved = run + "-a";
		String later = run + "-c";
		// Written first, so a pass over the collection would come to it before the saved one.
		writeWithoutNudge(store, Warning.issue(unnudged, unnudged, "第7条第2項に基づく警告", Instant.now()));

		warnings.save(Warning.issue(saved, saved, "第7条第2項に基づく警告", Instant.now()));
		String savedEventId = TopicProbe.await(TOPIC, (e) -> saved.equals(e.key()), Duration.ofSeconds(30)).ceId();
		// The relay has one thread: once a later save's event is out, the first nudge's work is done.
		warnings.save(Warning.issue(later, later, "第7条第2項に基づく警告", Instant.now()));
		TopicProbe.await(TOPIC, (e) -> later.equals(e.key()), Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(store, saved).isEmpty() && pending(store, later).isEmpty());

		assertThat(sent(store, savedEventId)).as("the saved document's entry is remembered as sent").isTrue();
		assertThat(pending(store, unnudged)).as("the entry no save nudged is still waiting").hasSize(1);
		assertThat(TopicProbe.all(TOPIC, (e) -> unnudged.equals(e.key()))).isEmpty();

		int published = publisher.getBean(OutboxRelay.class).relayPending();

		assertThat(published).isEqualTo(1);
		assertThat(pending(store, unnudged)).isEmpty();
		assertThat(TopicProbe.all(TOPIC, (e) -> unnudged.equals(e.key()))).hasSize(1);
	}

	@Test
	void relayingAnUnknownOrAlreadyRelayedDocumentPublishesNothing() {
		MongoTemplate store = publisher.getBean(MongoTemplate.class);
		OutboxRelay relay = publisher.getBean(OutboxRelay.class);
		String id = "once-by-id-" + UUID.randomUUID();
		publisher.getBean(WarningRepository.class).save(Warning.issue(id, id, "第7条第2項に基づく警告", Instant.now()));
		TopicProbe.Event event = TopicProbe.await(TOPIC, (e) -> id.equals(e.key()), Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(store, id).isEmpty());
		Document copy = store.findById(id, Document.class, "warnings");

		assertThat(relay.relayDocument("warnings", "no-such-" + UUID.randomUUID())).isZero();
		assertThat(relay.relayDocument("no_such_collection", id)).isZero();
		assertThat(relay.relayDocument("warnings", id)).isZero();
		// A save from a copy loaded before the relay removed the entry writes the sent entry back.
		copy.put(OutboxAggregate.OUTBOX_FIELD, List.of(new Document("eventId", event.ceId()).append("topic", TOPIC)
			.append("key", id).append("type", event.ceType()).append("payload", event.body().toString())));
		store.getCollection("warnings").replaceOne(new Document("_id", id), copy);
		assertThat(relay.relayDocument("warnings", id)).isZero();

		assertThat(pending(store, id)).isEmpty();
		assertThat(TopicProbe.all(TOPIC, (e) -> id.equals(e.key()))).hasSize(1);
	}

	/** Stores the aggregate with its outbox entries as a save would, but past the after-save nudge. */
	private static void writeWithoutNudge(MongoTemplate store, Warning warning) {
		publisher.getBean(OutboxBeforeConvertCallback.class).onBeforeConvert(warning, "warnings");
		Document document = new Document();
		store.getConverter().write(warning, document);
		store.getCollection("warnings").insertOne(document);
	}

	private static List<Document> pending(MongoTemplate store, String id) {
		return store.findById(id, Document.class, "warnings").getList(OutboxAggregate.OUTBOX_FIELD, Document.class);
	}

	private static boolean sent(MongoTemplate store, String eventId) {
		return store.getCollection("outbox_sent").countDocuments(new Document("_id", eventId)) == 1;
	}
}
