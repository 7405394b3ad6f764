package jp.nop.cx.localstack.demo;

import static jp.nop.cx.localstack.demo.Answers.abbreviate;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** Anyone reads the service status and the terms in force; the walk keeps the version. */
final class StatusAndTermsFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	StatusAndTermsFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Service status and the terms in force (anonymous)";
	}

	@Override
	public void run() {
		Http.Response status = steps.expect(steps.get("/api/v1/service-status", null), 200);
		ok(status, "service status: " + abbreviate(status.json().toString(), 120));
		Http.Response terms = steps.expect(steps.get("/api/v1/terms/current", null), 200);
		demo.termsVersion = text(terms.json(), "version");
		steps.require(!demo.termsVersion.isEmpty(), "GET /api/v1/terms/current has no version");
		ok(terms, "version " + demo.termsVersion + ", effectiveFrom " + text(terms.json(), "effectiveFrom") + ", title 「"
				+ text(terms.json(), "title") + "」, sha256 " + abbreviate(text(terms.json(), "sha256"), 16));
	}

}
