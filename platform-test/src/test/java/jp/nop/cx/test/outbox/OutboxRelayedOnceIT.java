package jp.nop.cx.test.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * SPEC 4, relayed once: a change saved from a copy loaded while the relay was publishing the
 * document's earlier event (the copy still holds that entry, and the relay's removal did not
 * change the version) never makes the relay publish the earlier event again.
 */
@ExtendWith(InfrastructureCondition.class)
class OutboxRelayedOnceIT {

	private static final int DOCUMENTS = 20;

	private static final int CHANGES_PER_DOCUMENT = 10;

	private static ConfigurableApplicationContext publisher;

	@BeforeAll
	static void start() {
		String bootstrap = SharedInfrastructure.get().kafkaBootstrap();
		publisher = new SpringApplicationBuilder(PublisherApp.class).web(WebApplicationType.NONE)
			.run("--spring.application.name=relayed-once", "--spring.kafka.bootstrap-servers=" + bootstrap,
					"--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
					"--spring.mongodb.uri=" + SharedInfrastructure.get().mongoUri("outbox-relayed-once"),
					"--spring.cloud.function.definition=", "--cx.outbox.poll-interval=20ms");
	}

	@AfterAll
	static void stop() {
		if (publisher != null) {
			publisher.close();
		}
	}

	@Test
	void changesSavedFromCopiesLoadedBeforeTheRelaySentNeverRepublishAnEvent() {
		WarningRepository warnings = publisher.getBean(WarningRepository.class);
		MongoTemplate store = publisher.getBean(MongoTemplate.class);
		String run = "once-" + UUID.randomUUID();
		List<String> ids = new ArrayList<>();
		for (int d = 0; d < DOCUMENTS; d++) {
			String id = run + "-" + d;
			ids.add(id);
			warnings.save(Warning.issue(id, id, "第7条第2項に基づく警告 0", Instant.now()));
		}
		for (int round = 1; round < CHANGES_PER_DOCUMENT; round++) {
			// A burst of requests loads every document while its last event still waits...
			List<Warning> copies = ids.stream().map((id) -> warnings.findById(id).orElseThrow()).toList();
			// ...the relay sends and removes those events meanwhile...
			await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch((id) -> store
				.findById(id, Document.class, "warnings").getList("_outbox", Document.class).isEmpty()));
			// ...and each request then saves its change from the copy it loaded.
			for (Warning copy : copies) {
				copy.amend("第7条第2項に基づく警告 " + round, Instant.now());
				warnings.save(copy);
			}
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch((id) -> store
			.findById(id, Document.class, "warnings").getList("_outbox", Document.class).isEmpty()));

		List<TopicProbe.Event> published = TopicProbe.all("partner-warned",
				(e) -> e.key() != null && e.key().startsWith(run));
		Map<String, Long> perCeId = published.stream()
			.collect(Collectors.groupingBy(TopicProbe.Event::ceId, Collectors.counting()));
		assertThat(perCeId).hasSize(DOCUMENTS * CHANGES_PER_DOCUMENT);
		assertThat(perCeId).allSatisfy((ceId, times) -> assertThat(times).as(ceId).isEqualTo(1L));
	}
}
