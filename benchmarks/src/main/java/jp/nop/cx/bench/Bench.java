package jp.nop.cx.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ./cx bench}: every row of SPEC section 7 measured against the running local stack, one
 * after the other in one run, printed as one table and written to {@code docs/benchmarks.md} and
 * {@code docs/benchmarks.png}.
 *
 * <p>Options: {@code --seconds N} per load run (10), {@code --partners N} (64), {@code --samples N}
 * (200), {@code --fan-out N} partners (10000), {@code --only a,b} (overhead, overload, enforcement,
 * fan-out, start), {@code --no-write} (print only).
 */
public final class Bench {

	private static final long STARTED = System.nanoTime();

	private Bench() {
	}

	/** Looked up when first used, after main has configured the simple logger. */
	private static Logger log() {
		return LoggerFactory.getLogger(Bench.class);
	}

	static void progress(String format, Object... args) {
		log().info(String.format(Locale.ROOT, "[%5.0f s] %s", (System.nanoTime() - STARTED) / 1e9,
				String.format(Locale.ROOT, format, args)));
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		// The Kafka and MongoDB clients' start-up chatter would bury the table.
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		// The bench's own progress and table, on standard output without the logger's decoration.
		System.setProperty("org.slf4j.simpleLogger.log." + Bench.class.getPackageName(), "info");
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
		System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
		System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
		Locale.setDefault(Locale.ROOT);
		Map<String, String> options;
		Set<String> only;
		try {
			options = options(args);
			only = rows(options.get("only"));
		}
		catch (IllegalArgumentException ex) {
			log().error("cx bench: {}\n{}", ex.getMessage(), USAGE);
			System.exit(64);
			return;
		}
		if (options.containsKey("help")) {
			log().info("{}", USAGE);
			return;
		}
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
		int partnerCount = Integer.parseInt(options.getOrDefault("partners", "64"));
		int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
		int fanOutPartners = Integer.parseInt(options.getOrDefault("fan-out", "10000"));
		Path root = Path.of(options.getOrDefault("root", System.getProperty("cx.root", "."))).toAbsolutePath().normalize();
		Stack stack = Stack.fromEnvironment(root);
		int rateLimit = Integer.parseInt(envOr("CX_RATE_LIMIT_PARTNER_RPS", "50"));
		int burst = Integer.parseInt(envOr("CX_RATE_LIMIT_PARTNER_BURST", "100"));

		List<Row> rows = new ArrayList<>();
		List<GatewayOverhead.Point> points = List.of();
		try (Api api = new Api()) {
			if (api.status(stack.gateway() + "/actuator/health/readiness", null) != 200) {
				throw new IllegalStateException("the gateway at " + stack.gateway()
						+ " is not ready: start the stack with ./cx up first");
			}
			List<String> header = header(stack, rateLimit, burst);
			header.forEach((line) -> progress("%s", line));
			Partners partners = new Partners(stack, api);
			progress("partners: signing in or creating %d through the public API", partnerCount);
			List<Partners.Partner> signedIn = partners.ensure(partnerCount);
			progress("partners: %d ready", signedIn.size());
			Load load = Wrk.available() ? new Wrk(stack.benchDir(), signedIn.stream().map(Partners.Partner::token).toList())
					: new JvmLoad(api, signedIn.stream().map(Partners.Partner::token).toList());
			header.add("load generator: " + load.describe() + "; " + signedIn.size() + " partners");

			if (only.contains("overhead")) {
				try (PlainProxy proxy = PlainProxy.start(stack.benchDir(), stack.registrationDirect(), api)) {
					header.add("plain reverse proxy: " + ((proxy == null) ? "none (nginx is not installed)"
							: "nginx (Debian), keep-alive to the service, no access log"));
					points = new GatewayOverhead(stack, load, seconds, gatewayPid(root)).run(proxy);
				}
				for (GatewayOverhead.Point point : points) {
					rows.add(new Row("gateway overhead, " + point.connections() + " connections",
							"gateway/direct ≥ 0.50, 0 errors",
							String.format("%.3f (gateway %.0f req/s, %d errors, p99 %.1f ms; direct %.0f req/s, %d errors, p99 %.1f ms%s)",
									point.ratio(), point.gateway().rate(), point.gateway().errors(), point.gateway().p99(),
									point.direct().rate(), point.direct().errors(), point.direct().p99(),
									(point.proxy() == null) ? ""
											: String.format("; plain nginx %.2f: %.0f req/s, %d errors, p99 %.1f ms",
													point.proxyRatio(), point.proxy().rate(), point.proxy().errors(),
													point.proxy().p99())),
							point.met()));
				}
			}
			signedIn = partners.refresh(signedIn);
			if (only.contains("overload")) {
				Overload.Outcome o = new Overload(stack, api).run(signedIn.get(0), signedIn.get(1), rateLimit, burst, seconds);
				progress("overload: %s", o);
				rows.add(new Row("overload (4× one partner's limit on one route)",
						"429 promptly (p99 ≤ 100 ms), only the excess refused, other routes unaffected",
						String.format("%d sent at %d/s: %d passed (limit allows %d–%d in %.1f s: %d at once, %d more every %.1f s), %d × 429 (p99 %.1f ms), other answers %s; other route p99 %.1f → %.1f ms, %d errors",
								o.sent(), 4 * rateLimit, o.accepted(), o.allowedLow(), o.allowedHigh(), o.sendingSeconds(),
								o.burst(), o.burst(), o.period(), o.refused429(), o.refusedP99(),
								o.other().isEmpty() ? "none" : o.other().toString(),
								o.otherRouteP99Before(), o.otherRouteP99During(), o.otherRouteErrors()),
						o.met()));
			}
			if (only.contains("enforcement")) {
				EnforcementLatency.Outcome e = new EnforcementLatency(stack, api, partners)
					.run(signedIn.subList(2, signedIn.size()), samples);
				rows.add(latencyRow("enforcement latency (suspension → first 403 at the gateway)", e));
				EnforcementLatency.Outcome r = new RevocationLatency(stack, api, partners)
					.run(signedIn.subList(2, signedIn.size()), samples);
				rows.add(latencyRow("enforcement latency (a member's loss report → first 401 at the gateway)", r));
			}
			if (only.contains("fan-out")) {
				try (FanOutBench fanOut = new FanOutBench(stack, api, partners)) {
					fanOut.seed(fanOutPartners);
					FanOutBench.Outcome f = fanOut.run(300);
					rows.add(new Row("fan-out (terms change → inbox + mail records)",
							"≥ 2,000 notices/s, exactly one per partner and channel",
							String.format("%.0f notices/s: %d inbox + %d mail for %d active partners in %.1f s, %d duplicates%s",
									f.rate(), f.inbox(), f.mail(), f.partners(), f.seconds(), f.duplicates(),
									f.complete() ? "" : " (incomplete after 300 s)"),
							f.met()));
				}
			}
			if (only.contains("start")) {
				List<StartAndSize.Service> running = StartAndSize.read(root);
				StartAlone alone = new StartAlone(stack.benchDir(), api);
				header.add("start alone: JDK 25 of the AOT-cache runs: " + alone.jdk25Description());
				Map<String, StartAlone.Figures> started = new LinkedHashMap<>();
				alone.run(running).forEach((f) -> started.put(f.service(), f));
				for (StartAndSize.Service s : running) {
					StartAlone.Figures f = started.get(s.name());
					String inStack = String.format("in ./cx up %.1f s, RSS %.0f MB%s", s.readySeconds(), s.rssMb(),
							only.contains("fan-out") ? " after the fan-out" : "");
					if (f == null) {
						rows.add(new Row("size: " + s.name(), "RSS ≤ 300 MB", inStack, s.rssMb() <= 300));
						continue;
					}
					// Judged by the way ./cx up starts it: with its class-data archive unless CX_CDS=off or its training failed.
					rows.add(new Row("start and size: " + s.name(),
							"ready ≤ 10 s (JDK 17, as ./cx up starts it), RSS ≤ 300 MB; JDK 25 + AOT: a figure",
							String.format("alone: JDK 17 %s, JDK 17 + CDS %s, JDK 25 + AOT cache %s; ./cx up starts it %s; %s",
									seconds(f.jdk17()), seconds(f.jdk17Cds()), seconds(f.jdk25Aot()),
									f.stackShares() ? "with CDS" : "without an archive", inStack),
							f.asInStack().readySeconds() <= 10 && s.rssMb() <= 300));
				}
			}
			String table = Report.console(header, rows);
			log().info("\n{}", table);
			if (!options.containsKey("no-write")) {
				Path docs = root.resolve("docs");
				if (!points.isEmpty()) {
					Report.chart(docs.resolve("benchmarks.png"), points);
				}
				Report.markdown(docs.resolve("benchmarks.md"), header, rows, "benchmarks.png");
				progress("written: docs/benchmarks.md%s", points.isEmpty() ? "" : ", docs/benchmarks.png");
			}
		}
	}

	private static String seconds(StartAlone.Start start) {
		return Double.isNaN(start.readySeconds()) ? "—"
				: String.format("%.1f s (RSS %.0f MB at ready)", start.readySeconds(), start.rssMb());
	}

	private static Row latencyRow(String what, EnforcementLatency.Outcome o) {
		return new Row(what, "p99 ≤ 100 ms", String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d samples%s (the call itself until its answer: p50 %.1f ms, p99 %.1f ms)",
				o.p50(), o.p99(), o.max(), o.samples(), o.timeouts() > 0 ? ", " + o.timeouts() + " not refused within 10 s" : "",
				o.callP50(), o.callP99()),
				o.met());
	}

	private static List<String> header(Stack stack, int rateLimit, int burst) throws Exception {
		List<String> header = new ArrayList<>();
		header.add("run: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores, JDK " + System.getProperty("java.vm.vendor") + " " + Runtime.version() + " ("
				+ System.getProperty("java.home") + ")");
		Map<String, List<String>> byOptions = new LinkedHashMap<>();
		for (StartAndSize.Service service : StartAndSize.read(stack.root())) {
			byOptions.computeIfAbsent(String.join(" ", service.jvmOptions()), (k) -> new ArrayList<>()).add(service.name());
		}
		byOptions.forEach((flags, names) -> header.add("JVM flags of " + String.join(", ", names) + ": " + flags));
		if (byOptions.isEmpty()) {
			header.add("JVM flags of the services: unknown (no .cx/pids under " + stack.root() + ")");
		}
		header.add("gateway rate limit per partner: " + rateLimit + " req/s, burst " + burst
				+ " (CX_RATE_LIMIT_PARTNER_RPS/_BURST as this shell sees them)");
		return header;
	}

	static final String USAGE = """
			usage: ./cx bench [--only overhead,overload,enforcement,fan-out,start] [--seconds N] [--partners N]
			                  [--samples N] [--fan-out N] [--no-write]
			  Measures every row of SPEC section 7 against the running stack (./cx up) and writes
			  docs/benchmarks.md and docs/benchmarks.png.
			  --only       the rows to measure (all by default)
			  --seconds    seconds of each load run (10)
			  --partners   partners whose tokens the load rotates (64)
			  --samples    enforcement-latency samples (200)
			  --fan-out    active partners the terms change is sent to (10000)
			  --no-write   print the table only""";

	/** What --only can name. */
	static final List<String> ROWS = List.of("overhead", "overload", "enforcement", "fan-out", "start");

	/** The rows {@code --only} names (all without it); refuses a name that is not a row. */
	static Set<String> rows(String only) {
		Set<String> rows = new TreeSet<>(Arrays.asList((only == null) ? ROWS.toArray(String[]::new) : only.split(",")));
		if (!ROWS.containsAll(rows)) {
			throw new IllegalArgumentException("--only takes some of " + String.join(",", ROWS) + ", not " + only);
		}
		return rows;
	}

	/** Options that take a value; {@code no-write} and {@code help} take none. */
	private static final Set<String> VALUED = Set.of("seconds", "partners", "samples", "fan-out", "only", "root");

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i].replaceFirst("^--?", "");
			if (name.equals("no-write") || name.equals("help") || name.equals("h")) {
				options.put(name.equals("h") ? "help" : name, "true");
			}
			else if (!VALUED.contains(name)) {
				throw new IllegalArgumentException("unknown option " + args[i]);
			}
			else if (i + 1 < args.length) {
				options.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException("option " + args[i] + " needs a value");
			}
		}
		return options;
	}

	/** The first gateway of the stack's {@code .cx/pids}, or -1. */
	private static long gatewayPid(Path root) throws java.io.IOException {
		return StartAndSize.read(root).stream().filter((s) -> s.name().equals("gateway")).mapToLong(StartAndSize.Service::pid)
			.findFirst().orElse(-1);
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}
}
