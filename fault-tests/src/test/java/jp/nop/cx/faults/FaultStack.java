package jp.nop.cx.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jp.nop.cx.events.EventType;
import jp.nop.cx.localstack.Layout;
import jp.nop.cx.localstack.infra.KafkaBroker;
import jp.nop.cx.localstack.infra.MailCatcher;
import jp.nop.cx.localstack.infra.MongoStore;
import jp.nop.cx.test.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;

/**
 * What the services of a fault test run on, in the test JVM and on random free ports: the local
 * stack's own broker (KRaft), Mongo-wire store (H2 file) and SMTP catcher, and the test JWKS. The
 * broker and the store can be stopped and started again on the same ports with their data kept,
 * which is the fault the tests inflict. One per test JVM; the services are child processes
 * ({@link ServiceInstance}), started from their built jars as {@code ./cx up} starts them.
 */
final class FaultStack {

	private static FaultStack instance;

	private final Layout layout;

	private final KafkaBroker broker;

	private final MongoStore store;

	private final MailCatcher mail;

	private final int kafkaPort;

	private final int mongoPort;

	private final int smtpPort;

	private final String eventSecretKey;

	private boolean brokerRunning;

	private boolean storeRunning;

	private FaultStack(Layout layout) throws Exception {
		// A killed instance leaves the SMTP catcher's and broker's threads failing on its dropped
		// connections: expected here, so they must not fail whatever test is waiting meanwhile.
		Awaitility.doNotCatchUncaughtExceptionsByDefault();
		this.layout = layout;
		Path state = layout.stateDir();
		deleteTree(state);
		Files.createDirectories(state);
		this.kafkaPort = freePort();
		this.mongoPort = freePort();
		this.smtpPort = freePort();
		this.broker = new KafkaBroker(state.resolve("kafka"), "127.0.0.1", this.kafkaPort, freePort());
		this.store = new MongoStore(state.resolve("mongo").resolve("faults.mv"), "127.0.0.1", this.mongoPort);
		this.mail = new MailCatcher("127.0.0.1", this.smtpPort, 0);
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.eventSecretKey = Base64.getEncoder().encodeToString(key);
		startBroker();
		createTopics();
		startStore();
		this.mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-stack-stop"));
	}

	static synchronized FaultStack get() {
		if (instance == null) {
			try {
				instance = new FaultStack(Layout.fromEnvironment());
			}
			catch (Exception ex) {
				throw new IllegalStateException("the fault tests' broker, store and mail catcher did not start", ex);
			}
		}
		return instance;
	}

	/** Why the services cannot be started here (their jars are not built), or null when they can. */
	static String unavailableReason(String... services) {
		Layout layout = Layout.fromEnvironment();
		for (String service : services) {
			Path jar = layout.jar(new Layout.ServiceSpec(service, 0, false));
			if (!Files.isRegularFile(jar)) {
				return "the service jar " + jar + " is not built; run ./mvnw verify -pl fault-tests -am";
			}
		}
		return null;
	}

	Layout layout() {
		return this.layout;
	}

	String kafkaBootstrap() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + this.mongoPort + "/" + database;
	}

	MailCatcher mail() {
		return this.mail;
	}

	/** The environment every service gets: this stack's broker, store, SMTP catcher and JWKS. */
	Map<String, String> environment(String database) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("CX_KAFKA_BOOTSTRAP", kafkaBootstrap());
		env.put("CX_MONGODB_URI", mongoUri(database));
		env.put("CX_JWKS_URI", TestTokens.jwksUri());
		env.put("CX_SMTP_HOST", "127.0.0.1");
		env.put("CX_SMTP_PORT", String.valueOf(this.smtpPort));
		env.put("CX_EVENT_SECRET_KEY", this.eventSecretKey);
		return env;
	}

	/**
	 * The event contract's topics, as the broker of a platform in operation holds them (3
	 * partitions, the two state topics compacted), so that the first event of a kind does not wait
	 * for its topic to be created.
	 */
	private void createTopics() throws Exception {
		Set<EventType> compacted = Set.of(EventType.PARTNER_STANDING, EventType.SERVICE_STATUS_CHANGED);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) kafkaBootstrap()))) {
			List<NewTopic> topics = Arrays.stream(EventType.values()).map((type) -> {
				NewTopic topic = new NewTopic(type.topic(), 3, (short) 1);
				return compacted.contains(type) ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
			}).toList();
			admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
		}
	}

	/** Starts the broker again on its ports (nothing happens if it runs). */
	synchronized void startBroker() {
		if (this.brokerRunning) {
			return;
		}
		try {
			this.broker.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("the broker did not start", ex);
		}
		this.brokerRunning = true;
	}

	/** Stops the broker; its log directory stays, so topics and offsets are there when it starts again. */
	synchronized void stopBroker() {
		this.broker.close();
		this.brokerRunning = false;
	}

	/** Starts the store again on its port (nothing happens if it runs). */
	synchronized void startStore() {
		if (this.storeRunning) {
			return;
		}
		try {
			this.store.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.storeRunning = true;
	}

	/** Stops the store; its file stays, so the data is there when it starts again on the same port. */
	synchronized void stopStore() {
		this.store.close();
		this.storeRunning = false;
	}

	private synchronized void close() {
		ServiceInstance.killLeftovers();
		this.mail.close();
		if (this.storeRunning) {
			this.store.close();
		}
		if (this.brokerRunning) {
			this.broker.close();
		}
	}

	/** A free port {@code p} whose management port {@code p + 1000} is free as well. */
	static int freeServicePort() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port = freePort();
			if (port + 1000 <= 65535 && isFree(port + 1000)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port pair (p, p + 1000) found");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
		}
		for (Path path : paths) {
			Files.delete(path);
		}
	}

}
