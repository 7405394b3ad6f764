package jp.nop.cx.localstack.demo;

import java.time.LocalDate;
import java.time.ZoneId;

import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.optional;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** A termination notice: refused when too soon, scheduled at the earliest date, then withdrawn. */
final class TerminationNoticeFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	TerminationNoticeFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Termination notice (Art. 12.1): too soon, then scheduled, then withdrawn";
	}

	@Override
	public void run() {
		ObjectNode tooSoon = Http.JSON.createObjectNode();
		tooSoon.put("effectiveOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString());
		Http.Response refused = steps.expect(steps.send("POST", "/api/v1/partners/me/termination", demo.partnerToken,
				tooSoon), 422);
		String earliest = text(refused.json(), "earliestEffectiveOn");
		steps.require(!earliest.isEmpty(), "the 422 does not name earliestEffectiveOn");
		ok(refused, "notice period not met: earliestEffectiveOn " + earliest);
		ObjectNode onTime = Http.JSON.createObjectNode();
		onTime.put("effectiveOn", earliest);
		Http.Response scheduled = steps.expect(steps.send("POST", "/api/v1/partners/me/termination", demo.partnerToken,
				onTime), 200, 201);
		ok(scheduled, "termination scheduled for " + earliest + optional(", status ", text(scheduled.json(), "status")));
		Http.Response withdrawn = steps.expect(steps.send("DELETE", "/api/v1/partners/me/termination", demo.partnerToken,
				null), 200, 204);
		ok(withdrawn, "withdrawn before it took effect");
	}

}
