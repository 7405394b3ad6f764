package jp.nop.cx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

/**
 * SPEC section 7, enforcement latency of a revocation: a member's loss report (Art. 4.3,
 * {@code POST /api/v1/identity/me/incidents}) until the gateway first refuses that member's token
 * (401), polled every 2 ms. A revoked ID stays revoked until the operator reissues it, so every
 * sample needs its own member: they are all made (and signed in) before the first sample, so the
 * measured reports do not share the machine with the making of the others.
 */
final class RevocationLatency {

	private static final String PROBE = "/api/v1/partners/me";

	private final Stack stack;

	private final Api api;

	private final Partners partners;

	RevocationLatency(Stack stack, Api api, Partners partners) {
		this.stack = stack;
		this.api = api;
		this.partners = partners;
	}

	EnforcementLatency.Outcome run(List<Partners.Partner> admins, int samples) throws Exception {
		List<Partners.Partner> members = members(admins, EnforcementLatency.WARM_UP + samples);
		Histogram discarded = new Histogram(60_000_000L, 3);
		Histogram latency = new Histogram(60_000_000L, 3);
		Histogram call = new Histogram(60_000_000L, 3);
		int timeouts = 0;
		for (int i = 0; i < members.size(); i++) {
			// The first reports are not counted, as in EnforcementLatency.
			boolean counted = i >= EnforcementLatency.WARM_UP;
			Partners.Partner member = members.get(i);
			long start = System.nanoTime();
			api.post(stack.gateway() + "/api/v1/identity/me/incidents", member.token(),
					Api.object().put("type", "LOST").put("detail", "ベンチマーク: 失効までの時間の計測")).expect(202);
			(counted ? call : discarded).recordValue((System.nanoTime() - start) / 1000);
			if (!EnforcementLatency.timeToRefusal(counted ? latency : discarded, start,
					() -> api.status(stack.gateway() + PROBE, member.token()) == 401) && counted) {
				timeouts++;
			}
			if (counted && (i + 1 - EnforcementLatency.WARM_UP) % 50 == 0) {
				Bench.progress("revocation latency: %d of %d samples, p99 so far %.1f ms", i + 1 - EnforcementLatency.WARM_UP, samples,
						latency.getValueAtPercentile(99) / 1000.0);
			}
		}
		return EnforcementLatency.Outcome.of(samples, latency, call, timeouts);
	}

	/** One fresh, signed-in member per sample, four made at a time, round the administrators. */
	private List<Partners.Partner> members(List<Partners.Partner> admins, int samples) throws Exception {
		Bench.progress("revocation latency: making %d members to report lost", samples);
		ExecutorService workers = Executors.newFixedThreadPool(4);
		try {
			List<Future<Partners.Partner>> made = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				Partners.Partner admin = admins.get(i % admins.size());
				made.add(workers.submit(() -> partners.member(admin)));
			}
			List<Partners.Partner> members = new ArrayList<>();
			for (Future<Partners.Partner> member : made) {
				members.add(member.get());
			}
			return members;
		}
		finally {
			workers.shutdownNow();
		}
	}
}
