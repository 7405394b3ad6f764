package jp.nop.cx.localstack.demo;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static jp.nop.cx.localstack.demo.Steps.ok;

/** The partner downloads one document with everything every service holds about it. */
final class BackupFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	BackupFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Backup of everything held about the partner (Art. 5, 6)";
	}

	@Override
	public void run() {
		Http.Response export = steps.expect(steps.get("/api/v1/partners/me/export", demo.partnerToken), 200);
		JsonNode services = export.json().path("services");
		List<String> parts = new ArrayList<>();
		services.propertyNames().forEach(parts::add);
		ok(export, "one document: registration info + " + String.join(", ", parts) + " ("
				+ export.body().length() + " bytes)");
	}

}
