package jp.nop.cx.localstack.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker running in this JVM: KRaft, one node that is both broker and controller. The
 * storage under {@code dir} is formatted once (cluster id kept in {@code dir/cluster-id}) and reused,
 * so topics and offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final Path dir;

	private final String host;

	private final int port;

	private final int controllerPort;

	private KafkaRaftServer server;

	public KafkaBroker(Path dir, String host, int port, int controllerPort) {
		this.dir = dir;
		this.host = host;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	public String bootstrapServers() {
		return "localhost:" + port;
	}

	public synchronized void start() throws Exception {
		Files.createDirectories(dataDir());
		Path config = writeServerProperties();
		if (!Files.exists(dataDir().resolve("meta.properties"))) {
			format(config);
		}
		Properties props = loadProperties(config);
		KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
		raftServer.startup();
		this.server = raftServer;
		awaitAnswering();
	}

	private void format(Path config) throws IOException {
		String clusterId = clusterId();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int rc;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			rc = StorageTool.execute(new String[] { "format", "--cluster-id", clusterId, "--config",
					config.toString(), "--ignore-formatted" }, out);
		}
		String text = output.toString(StandardCharsets.UTF_8).trim();
		if (rc != 0) {
			throw new IOException("formatting the Kafka storage failed (" + rc + "): " + text);
		}
		log.info("Kafka storage formatted: {}", text);
	}

	private String clusterId() throws IOException {
		Path file = dir.resolve("cluster-id");
		if (Files.exists(file)) {
			return Files.readString(file).trim();
		}
		String id = Uuid.randomUuid().toString();
		Files.writeString(file, id + "\n");
		return id;
	}

	private Path dataDir() {
		return dir.resolve("data");
	}

	private Path writeServerProperties() throws IOException {
		Properties props = new Properties();
		props.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
				Map.entry("controller.quorum.voters", "1@" + host + ":" + controllerPort),
				Map.entry("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"),
				Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
				Map.entry("log.dirs", dataDir().toString()), Map.entry("num.partitions", "3"),
				Map.entry("auto.create.topics.enable", "true"), Map.entry("default.replication.factor", "1"),
				Map.entry("offsets.topic.replication.factor", "1"), Map.entry("offsets.topic.num.partitions", "10"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("share.coordinator.state.topic.replication.factor", "1"),
				Map.entry("share.coordinator.state.topic.min.isr", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0"), Map.entry("log.retention.hours", "168"),
				Map.entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
				Map.entry("num.network.threads", "2"), Map.entry("num.io.threads", "2"),
				Map.entry("background.threads", "2"), Map.entry("log.cleaner.threads", "1")));
		Path file = dir.resolve("server.properties");
		try (OutputStream out = Files.newOutputStream(file)) {
			props.store(out, "written by ./cx up on every start; edit the launcher, not this file");
		}
		return file;
	}

	private static Properties loadProperties(Path file) throws IOException {
		Properties props = new Properties();
		try (var in = Files.newInputStream(file)) {
			props.load(in);
		}
		return props;
	}

	/** Waits until the broker answers a metadata request on its client port. */
	private void awaitAnswering() throws Exception {
		Properties props = new Properties();
		props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
		props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
		try (Admin admin = Admin.create(props)) {
			admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
		}
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			try {
				server.shutdown();
				server.awaitShutdown();
			}
			catch (RuntimeException ex) {
				log.warn("Kafka broker shutdown: {}", ex.toString());
			}
			server = null;
		}
	}

}
