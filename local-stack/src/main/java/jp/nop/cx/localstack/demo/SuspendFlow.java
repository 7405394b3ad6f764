package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.problem;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** A suspension of all use, refused at the gateway with a problem naming the measure. */
final class SuspendFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	SuspendFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Suspension of all use (Art. 7.2), enforced at the gateway";
	}

	@Override
	public void run() {
		ObjectNode suspension = Http.JSON.createObjectNode();
		suspension.put("type", "SUSPENSION");
		suspension.putObject("scope").put("all", true);
		suspension.put("note", "デモ: 全面的な利用停止");
		Http.Response measure = steps.expect(steps.send("POST", "/api/v1/enforcement/cases/" + encode(demo.caseId)
				+ "/measures", demo.operatorToken, suspension), 201);
		ok(measure, "measure " + text(measure.json(), "id") + " SUSPENSION {all: true}");

		Console.line("  … waiting for the gateway to refuse the partner");
		Http.Response refused = steps.poll("a 403 for the suspended partner", Duration.ofSeconds(10), () -> {
			Http.Response me = steps.quietly("GET", "/api/v1/partners/me", demo.partnerToken);
			return me.status() == 403 ? Optional.of(me) : Optional.empty();
		});
		steps.require(refused.isProblem(), "the 403 is not application/problem+json but '" + refused.contentType() + "'");
		Console.line("  → GET /api/v1/partners/me");
		ok(refused, "application/problem+json: " + problem(refused.json()));
	}

}
