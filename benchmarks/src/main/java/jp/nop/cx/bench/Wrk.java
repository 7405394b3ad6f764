package jp.nop.cx.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: wrk (Debian's package), one thread, its Lua script rotating the partners'
 * tokens per request, so each partner stays far under its rate limit.
 */
final class Wrk implements Load {

	/** What one wrk run reports: requests, their rate, every kind of error, latency in ms. */
	record Result(long requests, double seconds, long socketErrors, long non2xx, double p50, double p99) {

		double rate() {
			return requests / seconds;
		}

		long errors() {
			return socketErrors + non2xx;
		}

		/**
		 * Two runs of the same URL as one: every request and error of both over both durations;
		 * their latencies cannot be merged from wrk's summary, so the higher p50 and p99 stand.
		 */
		Result and(Result other) {
			return new Result(requests + other.requests, seconds + other.seconds, socketErrors + other.socketErrors,
					non2xx + other.non2xx, Math.max(p50, other.p50), Math.max(p99, other.p99));
		}
	}

	private final Path script;

	private final Path tokens;

	Wrk(Path dir, List<String> tokens) throws IOException {
		Files.createDirectories(dir);
		this.script = dir.resolve("rotate-tokens.lua");
		this.tokens = dir.resolve("tokens.txt");
		try (InputStream lua = Wrk.class.getResourceAsStream("/rotate-tokens.lua")) {
			Files.write(script, lua.readAllBytes());
		}
		Files.write(this.tokens, tokens, StandardCharsets.UTF_8);
	}

	static boolean available() {
		try {
			Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			probe.getInputStream().readAllBytes();
			probe.waitFor(5, TimeUnit.SECONDS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static String version() {
		try {
			Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			probe.waitFor(5, TimeUnit.SECONDS);
			return out.lines().findFirst().orElse("wrk").replaceAll("\\s*\\[.*", "").trim();
		}
		catch (IOException | InterruptedException ex) {
			return "wrk";
		}
	}

	@Override
	public String describe() {
		return version() + ", 1 thread, Lua script rotating the partners' tokens per request";
	}

	@Override
	public Result run(String url, int connections, int seconds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
				"--timeout", "5s", "-s", script.toString(), url, "--", tokens.toString()));
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
			throw new IllegalStateException("wrk failed: " + out);
		}
		return parse(out);
	}

	/** The summary line rotate-tokens.lua prints: timeouts count as socket errors, non-2xx/3xx apart. */
	static Result parse(String out) {
		String line = out.lines().filter((l) -> l.startsWith("CXBENCH ")).findFirst()
			.orElseThrow(() -> new IllegalStateException("wrk printed no summary: " + out));
		String[] f = line.split(" ");
		long socketErrors = Long.parseLong(f[3]) + Long.parseLong(f[4]) + Long.parseLong(f[5]) + Long.parseLong(f[7]);
		return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]) / 1e6, socketErrors, Long.parseLong(f[6]),
				Double.parseDouble(f[8]) / 1000.0, Double.parseDouble(f[9]) / 1000.0);
	}
}
