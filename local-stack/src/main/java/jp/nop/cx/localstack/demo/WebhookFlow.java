package jp.nop.cx.localstack.demo;

import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.abbreviate;
import static jp.nop.cx.localstack.demo.Answers.problem;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** The partner registers a webhook endpoint: private targets are refused, the secret is shown once. */
final class WebhookFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	WebhookFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Webhook endpoint (signed notices): private targets refused, secret shown once";
	}

	@Override
	public void run() {
		ObjectNode loopback = Http.JSON.createObjectNode();
		loopback.put("url", "http://127.0.0.1:9000/hook");
		Http.Response refused = steps.send("PUT", "/api/v1/notifications/me/webhook", demo.partnerToken, loopback);
		if (refused.status() == 200) {
			ok(refused, "loopback accepted: this stack runs with CX_WEBHOOK_ALLOW_PRIVATE_TARGETS=true");
		}
		else {
			steps.expect(refused, 422);
			ok(refused, "loopback refused: " + problem(refused.json()));
		}
		ObjectNode endpoint = Http.JSON.createObjectNode();
		endpoint.put("url", "https://93.184.215.14/cx/hook");
		Http.Response registered = steps.expect(steps.send("PUT", "/api/v1/notifications/me/webhook", demo.partnerToken,
				endpoint), 200);
		ok(registered, "endpoint " + text(registered.json(), "url") + ", signing secret "
				+ abbreviate(text(registered.json(), "secret"), 10) + " (shown this once)");
		Http.Response shown = steps.expect(steps.get("/api/v1/notifications/me/webhook", demo.partnerToken), 200);
		steps.require(text(shown.json(), "secret").isEmpty(), "the webhook secret is shown again");
		ok(shown, "status " + text(shown.json(), "status") + ", no secret in later answers");
	}

}
