package jp.nop.cx.test;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One Kafka broker and one MongoDB-wire store for the whole test JVM, started on first use and
 * shared by every integration test of the module.
 * <p>
 * {@code -Dcx.it.infra=embedded} (default): an in-process KRaft broker from the Kafka jars and
 * mongo-java-server. {@code -Dcx.it.infra=testcontainers} (Maven profile {@code testcontainers}):
 * the {@code apache/kafka} and {@code mongo} images; without a Docker engine those tests are
 * skipped with that reason (see {@link InfrastructureCondition}).
 */
public final class SharedInfrastructure {

	public static final String MODE_PROPERTY = "cx.it.infra";

	private static volatile SharedInfrastructure instance;

	private final String kafkaBootstrap;

	private final String mongoAddress;

	private SharedInfrastructure(String kafkaBootstrap, String mongoAddress) {
		this.kafkaBootstrap = kafkaBootstrap;
		this.mongoAddress = mongoAddress;
	}

	public static boolean testcontainersMode() {
		return "testcontainers".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, "embedded"));
	}

	public static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	public static SharedInfrastructure get() {
		SharedInfrastructure current = instance;
		if (current == null) {
			synchronized (SharedInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = testcontainersMode() ? startContainers() : startEmbedded();
					instance = current;
				}
			}
		}
		return current;
	}

	/** Bootstrap servers of the shared broker. */
	public String kafkaBootstrap() {
		return this.kafkaBootstrap;
	}

	/** A MongoDB connection string for {@code database} on the shared store. */
	public String mongoUri(String database) {
		return "mongodb://" + this.mongoAddress + "/" + database;
	}

	private static SharedInfrastructure startEmbedded() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		MongoServer mongo = new MongoServer(new MemoryBackend());
		InetSocketAddress address = mongo.bind();
		// No shutdown hook: stopping the broker and store while Spring's cached test contexts are
		// still closing (their hooks run concurrently) makes those contexts hang. Both die with
		// the test JVM; the broker's log directories are temporary files.
		return new SharedInfrastructure(broker.getBrokersAsString(),
				address.getHostString() + ":" + address.getPort());
	}

	@SuppressWarnings("resource")
	private static SharedInfrastructure startContainers() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
		MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
		kafka.start();
		mongo.start();
		String mongoAddress = mongo.getHost() + ":" + mongo.getMappedPort(27017);
		return new SharedInfrastructure(kafka.getBootstrapServers(), mongoAddress);
	}
}
