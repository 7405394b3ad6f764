package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.problem;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** Maintenance of one capability: 503 with Retry-After there, the others keep working. */
final class MaintenanceFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	MaintenanceFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Maintenance of the terms capability (Art. 10): 503 with Retry-After, no notice beforehand";
	}

	@Override
	public void run() {
		Instant now = Instant.now();
		ObjectNode event = Http.JSON.createObjectNode();
		event.put("kind", "MAINTENANCE");
		event.put("reason", "VERSION_UP");
		event.putObject("scope").putArray("capabilities").add("terms");
		event.put("startsAt", now.toString());
		event.put("endsAt", now.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS).toString());
		Http.Response declared = steps.expect(steps.send("POST", "/api/v1/service-status/events", demo.operatorToken,
				event), 201);
		String eventId = text(declared.json(), "id");
		ok(declared, "event " + eventId + " MAINTENANCE {capabilities: [terms]}");
		Http.Response unavailable = steps.poll("a 503 on the terms capability", Duration.ofSeconds(10), () -> {
			Http.Response answer = steps.quietly("GET", "/api/v1/terms/acceptances/me", demo.partnerToken);
			return answer.status() == 503 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/terms/acceptances/me");
		ok(unavailable, "Retry-After " + unavailable.header("Retry-After") + " s: " + problem(unavailable.json()));
		Http.Response other = steps.expect(steps.get("/api/v1/partners/me", demo.partnerToken), 200);
		ok(other, "other capabilities keep working");
		Http.Response ended = steps.expect(steps.send("POST", "/api/v1/service-status/events/" + encode(eventId) + "/end",
				demo.operatorToken, Http.JSON.createObjectNode()), 200);
		ok(ended, "maintenance ended");
		steps.poll("the terms capability back", Duration.ofSeconds(10), () -> {
			Http.Response answer = steps.quietly("GET", "/api/v1/terms/acceptances/me", demo.partnerToken);
			return answer.status() == 200 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  ✓ GET /api/v1/terms/acceptances/me answers 200 again");
	}

}
