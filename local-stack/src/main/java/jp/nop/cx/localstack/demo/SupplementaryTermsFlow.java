package jp.nop.cx.localstack.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.items;
import static jp.nop.cx.localstack.demo.Answers.nextVersion;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** A supplement for the webhooks capability prevails; the operator sees who has accepted. */
final class SupplementaryTermsFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	SupplementaryTermsFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Supplementary terms for the webhooks capability (Art. 1.2, 1.3) and compliance";
	}

	@Override
	public void run() {
		Http.Response existing = steps.expect(steps.get("/api/v1/terms/supplements?scope=webhooks", null), 200);
		List<String> known = new ArrayList<>();
		items(existing.json()).forEach((item) -> known.add(text(item, "version")));
		String next = nextVersion("0", known);
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("scope", "webhooks");
		body.put("version", next);
		body.put("effectiveFrom", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		body.put("title", "Webhook利用に関する補足規約（第" + next + "版）");
		body.put("body", "第1条（適用）\nWebhookの利用には本補足規約が適用され、本規約と異なる定めは本補足規約が優先します。\n");
		body.put("changeSummary", "デモ: Webhook利用の補足規約");
		body.put("language", "ja");
		Http.Response published = steps.expect(steps.send("POST", "/api/v1/terms/supplements", demo.operatorToken, body),
				201);
		ok(published, "supplement webhooks:" + next + " published");
		Http.Response effective = steps.expect(steps.get("/api/v1/terms/effective?scope=webhooks", null), 200);
		long prevailing = 0;
		for (JsonNode supplement : effective.json().path("supplements")) {
			if (supplement.path("prevailing").asBoolean()) {
				prevailing++;
			}
		}
		ok(effective, "base version " + text(effective.json().path("base"), "version") + " + " + prevailing
				+ " prevailing supplement(s) for webhooks");
		Http.Response compliance = steps.expect(steps.get("/api/v1/terms/compliance", demo.operatorToken), 200);
		ok(compliance, "version " + text(compliance.json(), "version") + ": " + text(compliance.json(), "activePartners")
				+ " active partner(s), " + text(compliance.json(), "notAccepted") + " not yet accepted");
	}

}
