package jp.nop.cx.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jp.nop.cx.localstack.demo.Demo;
import jp.nop.cx.localstack.supervisor.Leftovers;
import jp.nop.cx.localstack.supervisor.LocalStack;
import jp.nop.cx.localstack.supervisor.Scale;
import jp.nop.cx.localstack.ops.DeadLetters;

/**
 * The Java side of {@code ./cx}: {@code up} (the whole local stack), {@code demo}, {@code down}, and
 * the hidden {@code infra} (broker, store and mail catcher only).
 */
public final class CxLauncher {

	private CxLauncher() {
	}

	/** {@code up --scale a=2,b=3} (or {@code --scale=a=2}); nothing else is an option of {@code up} here. */
	static Scale scale(String[] args) {
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--scale") && i + 1 < args.length) {
				return Scale.parse(args[i + 1]);
			}
			if (args[i].startsWith("--scale=")) {
				return Scale.parse(args[i].substring("--scale=".length()));
			}
		}
		return Scale.NONE;
	}

	public static void main(String[] args) {
		String command = args.length == 0 ? "help" : args[0];
		Layout layout = Layout.fromEnvironment();
		Map<String, String> env = System.getenv();
		int code;
		try {
			code = switch (command) {
				case "up" -> {
					configureLogging(layout);
					yield new LocalStack(layout, true, env, scale(args)).run();
				}
				case "infra" -> {
					configureLogging(layout);
					yield new LocalStack(layout, false, env).run();
				}
				case "demo" -> Demo.run(layout, env);
				case "down" -> Leftovers.down(layout);
				case "dlq" -> deadLetters(args, env);
				case "help", "-h", "--help" -> {
					usage();
					yield 0;
				}
				default -> {
					Console.error("cx: unknown command '" + command + "'");
					usage();
					yield 64;
				}
			};
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			code = 130;
		}
		catch (IllegalArgumentException ex) {
			Console.error("cx: " + ex.getMessage());
			code = 2;
		}
		catch (Exception ex) {
			Console.error("cx: " + command + " failed: " + ex);
			code = 1;
		}
		System.exit(code);
	}

	/** {@code dlq list|replay <topic>} against the stack's broker ({@code CX_KAFKA_BOOTSTRAP}, default localhost:9092). */
	static int deadLetters(String[] args, Map<String, String> env) throws Exception {
		if (args.length != 3 || !(args[1].equals("list") || args[1].equals("replay"))) {
			Console.error("cx: usage: ./cx dlq list|replay <topic>   (e.g. ./cx dlq list terms-changed)");
			return 2;
		}
		String topic = args[2];
		String bootstrap = env.getOrDefault("CX_KAFKA_BOOTSTRAP", "localhost:9092");
		try (DeadLetters letters = new DeadLetters(bootstrap)) {
			if (args[1].equals("replay")) {
				int replayed = letters.replay(topic);
				Console.line("cx: %d dead letter(s) of %s re-driven into %s", replayed, topic, topic);
				return 0;
			}
			List<DeadLetters.DeadLetter> all = letters.list(topic);
			if (all.isEmpty()) {
				Console.line("cx: no dead letters for %s (topics error.%s.<group>)", topic, topic);
			}
			for (DeadLetters.DeadLetter letter : all) {
				Console.line("%s  %d/%d  %s  key=%s  ce_id=%s  ce_type=%s  %d bytes%n    %s", letter.time(), letter.partition(),
						letter.offset(), letter.deadLetterTopic(), letter.key(), letter.ceId(), letter.ceType(),
						letter.bodyBytes(), (letter.error() == null) ? "(no error recorded)" : letter.error());
			}
			return 0;
		}
	}

	/** Infrastructure logs (Kafka, store, mail) go to .cx/logs/infra.log, not to the console. */
	private static void configureLogging(Layout layout) throws IOException {
		Files.createDirectories(layout.logsDir());
		setDefault("org.slf4j.simpleLogger.logFile", layout.log("infra").toString());
		setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
		setDefault("org.slf4j.simpleLogger.showDateTime", "true");
		setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
		setDefault("org.slf4j.simpleLogger.log.kafka", "warn");
		setDefault("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
		setDefault("org.slf4j.simpleLogger.log.state.change.logger", "warn");
		setDefault("org.slf4j.simpleLogger.log.io.netty", "warn");
		setDefault("org.slf4j.simpleLogger.log.de.bwaldvogel", "warn");
		setDefault("org.slf4j.simpleLogger.log.com.icegreen", "warn");
		setDefault("log4j2.statusLoggerLevel", "OFF");
	}

	private static void setDefault(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

	private static void usage() {
		Console.line("""
				Usage: ./cx <command>

				  up [--rebuild]     build what is missing (or everything with --rebuild), then start the
				                     local stack in the foreground: Kafka broker, MongoDB-wire store, SMTP
				                     catcher and the six services. Ctrl-C stops everything.
				  up --scale <service>=N[,<service>=N…]
				                     N instances of those services (the gateway included) on ports
				                     8081, 8181, 8281 …; the gateway spreads each route over them;
				                     several gateways share rate limits, several consoles sessions, in
				                     redis-server (CX_REDIS_URL)
				  demo               walk the running stack through the main flows (another terminal)
				  down               stop a stack started by ./cx up (or its leftovers)
				  logs <service>     follow a log: registration-service, identity-service, terms-service,
				                     enforcement-service, notification-service, gateway, infra
				  help               this text

				Environment: CX_OPERATOR_LOGIN (default operator), CX_OPERATOR_PASSWORD (default: generated
				once, kept in .cx/operator-password), CX_WEBHOOK_ALLOW_PRIVATE_TARGETS (default false),
				CX_OPERATOR_MFA (default optional here; required outside the local demo),
				CX_READY_TIMEOUT (seconds, default 180), CX_SERVICE_JAVA_OPTS, CX_JAVA_OPTS (launcher JVM).
				""");
	}

}
