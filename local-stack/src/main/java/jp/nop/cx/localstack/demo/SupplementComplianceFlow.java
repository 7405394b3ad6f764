package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Art. 1.2 in the demo: compliance lists the supplementary terms in force that a partner has not
 * accepted; once the partner accepts the webhooks supplement, it is no longer missing.
 */
final class SupplementComplianceFlow {

	private final FlowCalls calls;

	private final String operatorToken;

	private final String partnerToken;

	private final String partnerId;

	SupplementComplianceFlow(Http http, String gateway, String operatorToken, String partnerToken, String partnerId) {
		this.calls = new FlowCalls(http, gateway);
		this.operatorToken = operatorToken;
		this.partnerToken = partnerToken;
		this.partnerId = partnerId;
	}

	void run() {
		this.calls.title("Supplements in compliance (Art. 1.2): what the partner has not accepted yet");
		Http.Response report = this.calls.call("GET", "/api/v1/terms/compliance?size=500", this.operatorToken, null,
				200);
		for (JsonNode supplement : report.json().path("supplements")) {
			Console.line("      · supplement %s in force: %s active partner(s) not accepted",
					FlowCalls.text(supplement, "key"), FlowCalls.text(supplement, "notAccepted"));
		}
		String base = FlowCalls.text(report.json(), "version");
		Optional<String> webhooks = missing(report.json()).flatMap((m) -> m.findValuesAsString("key")
			.stream()
			.filter((key) -> key.startsWith("webhooks:"))
			.findFirst());
		if (webhooks.isEmpty()) {
			FlowCalls.ok(report, "the demo partner has accepted every supplement in force (by use or explicitly)");
			return;
		}
		FlowCalls.ok(report, "the demo partner has not accepted " + webhooks.get()
				+ " (it would be deemed accepted at its first use of webhooks)");
		ObjectNode acceptance = Http.JSON.createObjectNode();
		acceptance.put("version", base);
		acceptance.putArray("supplementVersions").add(webhooks.get());
		this.calls.call("POST", "/api/v1/terms/acceptances", this.partnerToken, acceptance, 200, 201);
		Console.line("  ✓ the partner accepted %s explicitly", webhooks.get());
		FlowCalls.poll("the partner no longer missing " + webhooks.get(), Duration.ofSeconds(15), () -> {
			JsonNode again = this.calls.quietly("GET", "/api/v1/terms/compliance?size=500", this.operatorToken).json();
			boolean stillMissing = missing(again).map((m) -> m.findValuesAsString("key").contains(webhooks.get()))
				.orElse(false);
			return stillMissing ? Optional.empty() : Optional.of(again);
		});
		Console.line("  ✓ compliance no longer lists %s for the partner", webhooks.get());
	}

	private Optional<JsonNode> missing(JsonNode report) {
		for (JsonNode item : report.path("items")) {
			if (this.partnerId.equals(FlowCalls.text(item, "partnerId"))) {
				return Optional.of(item.path("missing"));
			}
		}
		return Optional.empty();
	}
}
