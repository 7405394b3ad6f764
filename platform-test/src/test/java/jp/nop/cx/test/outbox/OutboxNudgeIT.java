package jp.nop.cx.test.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.nop.cx.test.InfrastructureCondition;
import jp.nop.cx.test.SharedInfrastructure;
import jp.nop.cx.test.TopicProbe;
import jp.nop.cx.test.outbox.publisher.PublisherApp;
import jp.nop.cx.test.outbox.publisher.Warning;
import jp.nop.cx.test.outbox.publisher.WarningRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 7 (enforcement within 100 ms): a saved change's event leaves at once, not at the
 * relay's next poll. The poll interval here is an hour, so only the nudge after the save can send it.
 */
@ExtendWith(InfrastructureCondition.class)
class OutboxNudgeIT {

	private static ConfigurableApplicationContext publisher;

	@BeforeAll
	static void start() {
		String bootstrap = SharedInfrastructure.get().kafkaBootstrap();
		publisher = new SpringApplicationBuilder(PublisherApp.class).web(WebApplicationType.NONE)
			.run("--spring.application.name=outbox-nudge", "--spring.kafka.bootstrap-servers=" + bootstrap,
					"--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
					"--spring.mongodb.uri=" + SharedInfrastructure.get().mongoUri("outbox-nudge"),
					"--spring.cloud.function.definition=", "--cx.outbox.poll-interval=1h");
	}

	@AfterAll
	static void stop() {
		if (publisher != null) {
			publisher.close();
		}
	}

	@Test
	void aSavedChangesEventIsPublishedWithoutWaitingForThePoll() {
		String id = "nudge-" + UUID.randomUUID();

		publisher.getBean(WarningRepository.class).save(Warning.issue(id, id, "第7条第2項に基づく警告", Instant.now()));

		// Any bound far below the hour proves it; a first topic on a fresh broker takes seconds.
		TopicProbe.Event published = TopicProbe.await("partner-warned", (e) -> id.equals(e.key()), Duration.ofSeconds(30));

		assertThat(published.ceId()).isNotBlank();
	}
}
