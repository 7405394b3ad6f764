package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jp.nop.cx.localstack.Console;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail (Art. 4.2, 7.2): the operator searches what the demo partner's IDs did, sees its
 * own acts (approval, measures) recorded as well, and verifies the hash chain.
 */
final class AuditFlow {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration POLL = Duration.ofMillis(500);

	private final Http http;

	private final String gateway;

	private final String operatorToken;

	private final String operatorLogin;

	private final String partnerId;

	AuditFlow(Http http, String gateway, String operatorToken, String operatorLogin, String partnerId) {
		this.http = http;
		this.gateway = gateway;
		this.operatorToken = operatorToken;
		this.operatorLogin = operatorLogin;
		this.partnerId = partnerId;
	}

	void run() {
		Console.blank();
		Console.line("Audit trail (Art. 4.2, 7.2): every authenticated write and sign-in, hash-chained");
		JsonNode partner = awaitEntries("/api/v1/audit?partnerId=" + this.partnerId + "&size=5");
		Console.line("   the partner's acts: %d entries, newest first:", partner.path("total").asLong());
		print(partner);
		JsonNode operator = awaitEntries("/api/v1/audit?loginId=" + this.operatorLogin + "&size=5");
		Console.line("   the operator's own acts: %d entries, newest first:", operator.path("total").asLong());
		print(operator);
		Http.Response verification = this.http.send("GET", this.gateway + "/api/v1/audit/verification",
				this.operatorToken, null);
		expect200(verification, "GET /api/v1/audit/verification");
		JsonNode report = verification.json();
		if (!report.path("intact").asBoolean()) {
			throw new Demo.Failed("the audit chain is broken: " + report.path("firstBreak"));
		}
		Console.line("   ✓ chain intact: %d entries checked, up to sequence %d (head %s…)",
				report.path("checked").asLong(), report.path("lastSequence").asLong(),
				report.path("lastHash").asString().substring(0, 12));
	}

	/** Entries reach the trail through Kafka a moment after the act. */
	private JsonNode awaitEntries(String path) {
		AtomicReference<JsonNode> page = new AtomicReference<>();
		try {
			Awaitility.await("audit entries for " + path).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL)
				.until(() -> {
					Http.Response answer = this.http.send("GET", this.gateway + path, this.operatorToken, null);
					expect200(answer, "GET " + path);
					page.set(answer.json());
					return answer.json().path("total").asLong() > 0;
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new Demo.Failed("no audit entries for " + path + " within " + WAIT.toSeconds() + " s");
		}
		return page.get();
	}

	private static void print(JsonNode page) {
		page.path("items")
			.forEach((entry) -> Console.line("     #%d %s %-60s %d  by %s (trace %s)", entry.path("sequence").asLong(),
					entry.path("occurredAt").asString(), entry.path("action").asString(), entry.path("status").asInt(),
					entry.path("loginId").asString(), entry.path("traceId").asString()));
	}

	private static void expect200(Http.Response response, String what) {
		if (response.status() != 200) {
			throw new Demo.Failed(what + " answered " + response.status() + ": " + response.body());
		}
	}
}
