package jp.nop.cx.localstack.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jp.nop.cx.localstack.infra.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ./cx dlq}: a poison message's dead letter is listed, and re-driven exactly once. */
class DeadLettersIT {

	private static KafkaBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		Path dir = Files.createTempDirectory("cx-dlq-kafka");
		broker = new KafkaBroker(dir, "127.0.0.1", freePort(), freePort());
		broker.start();
	}

	@AfterAll
	static void stopBroker() throws Exception {
		broker.close();
	}

	@Test
	void aDeadLetterIsListedAndReplayedOnceWithItsHeaders() throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>("error.terms-changed.notification-service",
					bytes("partner-1"), bytes("{\"version\":\"2\"}"));
			letter.headers().add("ce_id", bytes("event-1"));
			letter.headers().add("ce_type", bytes("jp.nop.cx.terms.changed.v1"));
			letter.headers().add("x-original-topic", bytes("terms-changed"));
			letter.headers().add("x-exception-message", bytes("template missing"));
			producer.send(letter).get();
		}
		try (DeadLetters letters = new DeadLetters(broker.bootstrapServers())) {
			List<DeadLetters.DeadLetter> listed = letters.list("terms-changed");
			assertThat(listed).singleElement().satisfies((l) -> {
				assertThat(l.ceId()).isEqualTo("event-1");
				assertThat(l.key()).isEqualTo("partner-1");
				assertThat(l.error()).isEqualTo("template missing");
				assertThat(l.deadLetterTopic()).isEqualTo("error.terms-changed.notification-service");
			});

			assertThat(letters.replay("terms-changed")).isEqualTo(1);
			assertThat(letters.replay("terms-changed")).as("a second replay re-drives nothing").isZero();
		}
		List<ConsumerRecord<byte[], byte[]>> redriven = readAll("terms-changed", 1);
		assertThat(redriven).singleElement().satisfies((r) -> {
			assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("partner-1");
			assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"2\"}");
			assertThat(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("event-1");
			assertThat(r.headers().lastHeader("x-exception-message")).as("the failure stays behind").isNull();
		});
	}

	private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-it-reader");
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
		}
		return records;
	}

	private static KafkaProducer<byte[], byte[]> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
