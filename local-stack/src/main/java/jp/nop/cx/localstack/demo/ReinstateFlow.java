package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.optional;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** The case is resolved and the gateway lets the partner in again. */
final class ReinstateFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	ReinstateFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Reinstatement (Art. 7.5)";
	}

	@Override
	public void run() {
		ObjectNode resolution = Http.JSON.createObjectNode();
		resolution.put("note", "デモ: 是正を確認したため措置を解除します。");
		Http.Response resolved = steps.expect(steps.send("POST", "/api/v1/enforcement/cases/" + encode(demo.caseId)
				+ "/resolution", demo.operatorToken, resolution), 200);
		ok(resolved, "case " + demo.caseId + " resolved" + optional(", status ", text(resolved.json(), "status")));

		Console.line("  … waiting for the gateway to let the partner in again");
		steps.poll("a 200 for the reinstated partner", Duration.ofSeconds(10), () -> {
			Http.Response me = steps.quietly("GET", "/api/v1/partners/me", demo.partnerToken);
			return me.status() == 200 ? Optional.of(me) : Optional.empty();
		});
		Console.line("  ✓ GET /api/v1/partners/me answers 200 again");
		steps.awaitStanding(demo.partnerToken, "GOOD");
	}

}
