package jp.nop.cx.test.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jp.nop.cx.events.EventType;
import jp.nop.cx.localstack.infra.KafkaBroker;
import jp.nop.cx.test.InfrastructureCondition;
import jp.nop.cx.test.SharedInfrastructure;
import jp.nop.cx.test.outbox.consumer.ConsumerApp;
import jp.nop.cx.test.outbox.publisher.PublisherApp;
import jp.nop.cx.test.outbox.publisher.Warning;
import jp.nop.cx.test.outbox.publisher.WarningRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event contract end to end: a state change in one service, written with its event through
 * the outbox while the broker is down, reaches a consumer in another service once the broker is
 * back, and a second delivery of the same event is not processed again.
 */
@ExtendWith(InfrastructureCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxDeliveryIT {

	private static int brokerPort;

	private static KafkaBroker broker;

	private static int controllerPort;

	@org.junit.jupiter.api.io.TempDir
	static java.nio.file.Path brokerDir;

	private static ConfigurableApplicationContext publisher;

	private static ConfigurableApplicationContext consumer;

	@BeforeAll
	static void startPublisherWhileBrokerIsDown() throws IOException {
		try (ServerSocket socket = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
			brokerPort = socket.getLocalPort();
			controllerPort = controller.getLocalPort();
		}
		publisher = service(PublisherApp.class, "publisher", "spring.cloud.function.definition=");
	}

	@AfterAll
	static void stop() {
		if (consumer != null) {
			consumer.close();
		}
		if (publisher != null) {
			publisher.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	@Order(1)
	void eventWrittenWhileBrokerIsDownReachesTheOtherServiceOnceWhenItIsBack() throws Exception {
		String partnerId = "p-" + UUID.randomUUID();
		WarningRepository warnings = publisher.getBean(WarningRepository.class);
		MongoTemplate publisherStore = publisher.getBean(MongoTemplate.class);

		// The state change is acknowledged and kept with its event, though no broker answers.
		Tracer tracer = publisher.getBean(Tracer.class);
		Span request = tracer.nextSpan().name("request").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
			warnings.save(Warning.issue("w-" + partnerId, partnerId, "第7条第2項に基づく警告", Instant.now()));
		}
		finally {
			request.end();
		}
		Document stored = publisherStore.findById("w-" + partnerId, Document.class, "warnings");
		assertThat(stored).isNotNull();
		assertThat(stored.getList("_outbox", Document.class)).hasSize(1);

		// The broker comes up; the relay publishes, and the other service consumes.
		broker = new KafkaBroker(brokerDir, "127.0.0.1", brokerPort, controllerPort);
		broker.start();
		consumer = service(ConsumerApp.class, "consumer", "spring.cloud.function.definition=onPartnerWarned",
				"spring.cloud.stream.bindings.onPartnerWarned-in-0.destination=partner-warned",
				"spring.cloud.stream.bindings.onPartnerWarned-in-0.group=test-consumer");

		await().atMost(Duration.ofSeconds(60))
			.until(() -> ConsumerApp.HANDLED.stream().anyMatch((e) -> partnerId.equals(e.payload().partnerId())));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> publisherStore.findById("w-" + partnerId, Document.class, "warnings")
				.getList("_outbox", Document.class)
				.isEmpty());

		ConsumerRecord<String, String> published = readBack(partnerId);
		assertThat(published.key()).isEqualTo(partnerId);
		assertThat(header(published, "ce_type")).isEqualTo(EventType.PARTNER_WARNED.ceType());
		assertThat(header(published, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(published, "ce_source")).isEqualTo("/cx/publisher");
		assertThat(header(published, "ce_subject")).isEqualTo(partnerId);
		assertThat(header(published, "ce_time")).isNotBlank();
		// The trace of the request that changed the state continues in the consuming service.
		String traceId = request.context().traceId();
		assertThat(header(published, "traceparent")).startsWith("00-" + traceId + "-");
		assertThat(ConsumerApp.TRACE_IDS.get(header(published, "ce_id"))).isEqualTo(traceId);

		// Kafka delivers the same event again, followed by a new one on the same partition.
		String duplicateId = header(published, "ce_id");
		String laterPartner = partnerId;
		resend(published, duplicateId);
		String laterId = UUID.randomUUID().toString();
		resend(published, laterId);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ConsumerApp.HANDLED.stream().anyMatch((e) -> laterId.equals(e.id())));

		List<String> handledIds = ConsumerApp.HANDLED.stream()
			.filter((e) -> laterPartner.equals(e.payload().partnerId()))
			.map((e) -> e.id())
			.toList();
		assertThat(handledIds).containsExactly(duplicateId, laterId);
	}

	@Test
	@Order(2)
	void aMessageThatCannotBeProcessedIsDeadLetteredAndThePartitionMovesOn() {
		String partnerId = "p-" + UUID.randomUUID();
		String poisonId = UUID.randomUUID().toString();
		String laterId = UUID.randomUUID().toString();
		send("partner-warned", partnerId, poisonId, "{\"partnerId\": \"" + partnerId + "\", \"issuedAt\": \"いつか\"}");
		send("partner-warned", partnerId, laterId, "{\"partnerId\": \"" + partnerId
				+ "\", \"caseId\": \"c\", \"measureId\": \"m\", \"category\": \"MALWARE\", \"all\": true, "
				+ "\"capabilities\": [], \"note\": \"n\"}");

		// The event behind the poison message on the same partition is processed...
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ConsumerApp.HANDLED.stream().anyMatch((e) -> laterId.equals(e.id())));
		assertThat(ConsumerApp.HANDLED).noneMatch((e) -> poisonId.equals(e.id()));
		// ...and the poison message waits on the dead-letter topic for someone to look at it.
		ConsumerRecord<String, String> dead = readBack("error.partner-warned.test-consumer", partnerId);
		assertThat(header(dead, "ce_id")).isEqualTo(poisonId);
	}

	private static void send(String topic, String key, String ceId, String body) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
			ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
			record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_type", EventType.PARTNER_WARNED.ceType().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ConfigurableApplicationContext service(Class<?> app, String name, String... extra) {
		String bootstrap = "localhost:" + brokerPort;
		String[] properties = new String[] { "spring.application.name=" + name,
				"spring.kafka.bootstrap-servers=" + bootstrap, "spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
				"spring.mongodb.uri=" + SharedInfrastructure.get().mongoUri("outbox-it-" + name),
				"cx.outbox.poll-interval=100ms", "spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.producer.properties.request.timeout.ms=1000",
				"spring.kafka.producer.properties.delivery.timeout.ms=2000",
				"spring.kafka.admin.properties.request.timeout.ms=5000",
				"spring.cloud.stream.kafka.binder.min-partition-count=1" };
		String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(properties), java.util.Arrays.stream(extra))
			.map((p) -> "--" + p)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).run(args);
	}

	private static ConsumerRecord<String, String> readBack(String partnerId) {
		return readBack("partner-warned", partnerId);
	}

	private static ConsumerRecord<String, String> readBack(String topic, String partnerId) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "read-back-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(props)) {
			reader.subscribe(List.of(topic));
			ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
					if (partnerId.equals(r.key())) {
						found[0] = r;
						return true;
					}
				}
				return false;
			});
			return found[0];
		}
	}

	private static void resend(ConsumerRecord<String, String> original, String ceId) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
			ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(),
					original.value());
			original.headers().forEach((h) -> {
				if (!h.key().equals("ce_id")) {
					copy.headers().add(h);
				}
			});
			copy.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
			producer.send(copy).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}
}
