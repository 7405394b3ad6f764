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

	GatewayOverhead(Stack stack, Load wrk, int seconds) {
		this.stack = stack;
		this.wrk = wrk;
		this.seconds = seconds;
	}

	/** @param proxy the plain reverse proxy in front of the same service, or null */
	List<Point> run(PlainProxy proxy) throws Exception {
		// Both JVMs compile their hot paths before anything counts: C2, on two shared cores, goes on
		// compiling the gateway's deep Reactor chains for tens of seconds.
		wrk.run(stack.gateway() + PATH, 64, Math.max(30, seconds));
		wrk.run(stack.registrationDirect() + PATH, 64, Math.max(15, seconds));
		List<Point> points = new ArrayList<>();
		for (int connections : CONNECTIONS) {
			Wrk.Result direct = wrk.run(stack.registrationDirect() + PATH, connections, seconds);
			Wrk.Result gateway = wrk.run(stack.gateway() + PATH, connections, seconds);
			Wrk.Result proxied = (proxy == null) ? null : wrk.run(proxy.url() + PATH, connections, seconds);
			Point point = new Point(connections, gateway, direct, proxied);
			Bench.progress("gateway overhead c=%d: gateway %.0f req/s (%d errors, p99 %.1f ms), direct %.0f req/s (%d errors, p99 %.1f ms), ratio %.2f%s",
					connections, gateway.rate(), gateway.errors(), gateway.p99(), direct.rate(), direct.errors(),
					direct.p99(), point.ratio(), (proxied == null) ? ""
							: String.format("; nginx %.0f req/s (%d errors), ratio %.2f", proxied.rate(), proxied.errors(),
									point.proxyRatio()));
			points.add(point);
		}
		return points;
	}
}
