package jp.nop.cx.localstack.demo;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** The operator opens a case and warns the partner; the standing shows it. */
final class WarnFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	WarnFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Warning (Art. 7.2)";
	}

	@Override
	public void run() {
		ObjectNode kase = Http.JSON.createObjectNode();
		kase.put("partnerId", demo.partnerId);
		kase.put("category", "TERMS_VIOLATION");
		kase.put("description", "デモ: 利用規約第7条第1項第1号に該当するおそれのある行為の報告（テスト）");
		kase.put("evidence", "デモ用の証跡: アクセスログ抜粋 2026-01-01T00:00:00Z");
		Http.Response created = steps.expect(steps.send("POST", "/api/v1/enforcement/cases", demo.operatorToken, kase), 201);
		demo.caseId = text(created.json(), "id");
		steps.require(!demo.caseId.isEmpty(), "the case answer has no id");
		ok(created, "case " + demo.caseId + " (TERMS_VIOLATION)");

		ObjectNode warning = Http.JSON.createObjectNode();
		warning.put("type", "WARNING");
		warning.put("note", "デモ: 是正をお願いします。");
		Http.Response measure = steps.expect(steps.send("POST", "/api/v1/enforcement/cases/" + encode(demo.caseId)
				+ "/measures", demo.operatorToken, warning), 201);
		ok(measure, "measure " + text(measure.json(), "id") + " WARNING");

		Console.line("  … waiting for the partner's standing to show WARNED");
		steps.awaitStanding(demo.partnerToken, "WARNED");
	}

}
