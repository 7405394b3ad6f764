package jp.nop.cx.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * SPEC section 7, gateway overhead: the same authenticated GET (the partner's own registration,
 * {@code /api/v1/partners/me}) through the gateway and directly on registration-service, at 16,
 * 64 and 256 connections, side by side, and through a plain reverse proxy (nginx) where one is
 * installed. Non-2xx answers and socket errors count as errors.
 */
final class GatewayOverhead {

	static final String PATH = "/api/v1/partners/me";

	static final int[] CONNECTIONS = { 16, 64, 256 };

	/** Runs of each side per concurrency, taken in turn. */
	static final int TURNS = 2;

	/** Seconds of one warm-up round, and the bounds of the warm-up. */
	static final int WARM_UP_ROUND = 15;

	static final int WARM_UP_MIN_ROUNDS = 4;

	static final int WARM_UP_MAX_ROUNDS = 16;

	/** The share of a round the JIT compiler threads may still take in a steady gateway. */
	static final int WARM_UP_COMPILING_PERCENT = 3;

	/** One concurrency: every run; {@code proxy} is null without nginx. */
	record Point(int connections, Wrk.Result gateway, Wrk.Result direct, Wrk.Result proxy) {

		double ratio() {
			return gateway.rate() / direct.rate();
		}

		double proxyRatio() {
			return (proxy == null) ? Double.NaN : proxy.rate() / direct.rate();
		}

		boolean met() {
			return ratio() >= 0.5 && gateway.errors() == 0 && direct.errors() == 0;
		}
	}

	private final Stack stack;

	private final Load wrk;

	private final int seconds;

	/** The gateway's process, to watch its JIT during the warm-up; -1 where unknown. */
	private final long gatewayPid;

	GatewayOverhead(Stack stack, Load wrk, int seconds, long gatewayPid) {
		this.stack = stack;
		this.wrk = wrk;
		this.seconds = seconds;
		this.gatewayPid = gatewayPid;
	}

	/** @param proxy the plain reverse proxy in front of the same service, or null */
	List<Point> run(PlainProxy proxy) throws Exception {
		warmUp();
		wrk.run(stack.registrationDirect() + PATH, 64, Math.max(15, seconds));
		List<Point> points = new ArrayList<>();
		for (int connections : CONNECTIONS) {
			// Twice in turn, so a passing disturbance on the two shared cores (a service's background
			// work, a collection) falls on both sides rather than on one run of one side.
			Wrk.Result direct = null;
			Wrk.Result gateway = null;
			Wrk.Result proxied = null;
			for (int turn = 0; turn < TURNS; turn++) {
				direct = and(direct, wrk.run(stack.registrationDirect() + PATH, connections, seconds));
				gateway = and(gateway, wrk.run(stack.gateway() + PATH, connections, seconds));
				if (proxy != null) {
					proxied = and(proxied, wrk.run(proxy.url() + PATH, connections, seconds));
				}
			}
			Point point = new Point(connections, gateway, direct, proxied);
			Bench.progress("gateway overhead c=%d: gateway %.0f req/s (%d errors, p99 %.1f ms), direct %.0f req/s (%d errors, p99 %.1f ms), ratio %.3f%s",
					connections, gateway.rate(), gateway.errors(), gateway.p99(), direct.rate(), direct.errors(),
					direct.p99(), point.ratio(), (proxied == null) ? ""
							: String.format("; nginx %.0f req/s (%d errors), ratio %.2f", proxied.rate(), proxied.errors(),
									point.proxyRatio()));
			points.add(point);
		}
		return points;
	}

	private static Wrk.Result and(Wrk.Result sum, Wrk.Result run) {
		return (sum == null) ? run : sum.and(run);
	}

	/**
	 * The gateway is the one C2 JVM: on two cores shared with the load, C2 went on compiling its
	 * Reactor chains for minutes (a fixed 30 s warm-up left it at 55 % of its later rate, and the
	 * ratio at 0.28 where the same gateway reached 0.53 four minutes later), and its rate can rest
	 * on a plateau for three rounds before C2's code arrives (194, 298, 298, 308 req/s, then 550).
	 * So it is loaded in rounds until its compiler threads are nearly idle and the rate is steady.
	 */
	private void warmUp() throws Exception {
		List<Double> rates = new ArrayList<>();
		List<Long> compiling = new ArrayList<>();
		long started = System.nanoTime();
		do {
			long before = JitActivity.compilerMillis(this.gatewayPid);
			rates.add(wrk.run(stack.gateway() + PATH, 64, WARM_UP_ROUND).rate());
			long after = JitActivity.compilerMillis(this.gatewayPid);
			compiling.add((before < 0 || after < 0) ? -1 : after - before);
		}
		while (!steady(rates, compiling) && rates.size() < WARM_UP_MAX_ROUNDS);
		Bench.progress("gateway overhead: warmed up for %.0f s, %s (per %d-s round, req/s: %s; ms of JIT compiler CPU: %s)",
				(System.nanoTime() - started) / 1e9, steady(rates, compiling) ? "steady" : "not steady yet",
				WARM_UP_ROUND, rates.stream().map((r) -> String.format("%.0f", r)).toList(), compiling);
	}

	/**
	 * Steady: at least the minimum rounds, the last three rates within 5 % of each other (one round
	 * close to the one before says little while the rate still creeps up), and the JIT compiler
	 * threads busy for less than {@value #WARM_UP_COMPILING_PERCENT} % of the last round (not
	 * judged where /proc cannot tell: -1).
	 */
	static boolean steady(List<Double> rates, List<Long> compilingMillis) {
		if (rates.size() < WARM_UP_MIN_ROUNDS) {
			return false;
		}
		List<Double> last = rates.subList(rates.size() - 3, rates.size());
		double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		long compiling = compilingMillis.isEmpty() ? -1 : compilingMillis.get(compilingMillis.size() - 1);
		boolean jitDone = compiling < 0 || compiling <= WARM_UP_ROUND * 1000L * WARM_UP_COMPILING_PERCENT / 100;
		return max <= 1.05 * min && jitDone;
	}
}
