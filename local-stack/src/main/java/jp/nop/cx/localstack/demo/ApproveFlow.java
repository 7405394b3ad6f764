package jp.nop.cx.localstack.demo;

import java.util.List;

import tools.jackson.databind.JsonNode;

import static jp.nop.cx.localstack.demo.Answers.items;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** The operator finds the application among the submitted ones and approves it. */
final class ApproveFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	ApproveFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "The operator reviews and approves";
	}

	@Override
	public void run() {
		Http.Response list = steps.expect(steps.get("/api/v1/registrations?status=SUBMITTED", demo.operatorToken), 200);
		List<JsonNode> items = items(list.json());
		boolean listed = items.stream().anyMatch((item) -> demo.registrationId.equals(text(item, "id")));
		ok(list, items.size() + " submitted application(s)"
				+ (listed ? ", ours among them" : " (ours is not on the first page)"));
		Http.Response approval = steps.expect(steps.send("POST", "/api/v1/registrations/" + encode(demo.registrationId)
				+ "/approval", demo.operatorToken, Http.JSON.createObjectNode()), 200, 201);
		demo.partnerId = text(approval.json(), "partnerId");
		steps.require(!demo.partnerId.isEmpty(), "the approval answer has no partnerId");
		ok(approval, "partnerId " + demo.partnerId);
	}

}
