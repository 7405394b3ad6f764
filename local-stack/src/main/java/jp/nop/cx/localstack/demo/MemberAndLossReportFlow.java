package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import jp.nop.cx.localstack.Layout;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.firstNonEmpty;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** A member ID is created and activated; its loss report blocks it at once. */
final class MemberAndLossReportFlow implements DemoFlow {

	/** A read each service answers to a member, sent straight to its port (first instance). */
	private static final Map<String, String> SERVICE_READS = new LinkedHashMap<>();

	static {
		SERVICE_READS.put("registration-service", "/api/v1/partners/me");
		SERVICE_READS.put("identity-service", "/api/v1/identity/me");
		SERVICE_READS.put("terms-service", "/api/v1/terms/acceptances/me");
		SERVICE_READS.put("enforcement-service", "/api/v1/enforcement/me/standing");
		SERVICE_READS.put("notification-service", "/api/v1/notifications/me");
	}

	private final Steps steps;

	private final DemoContext demo;

	MemberAndLossReportFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "A member ID (Art. 4.2), then its loss reported (Art. 4.3): blocked at once, operator alerted";
	}

	@Override
	public void run() {
		String memberEmail = "member+" + System.currentTimeMillis() + "@example.co.jp";
		ObjectNode member = Http.JSON.createObjectNode();
		member.put("email", memberEmail);
		member.put("name", "鈴木 一郎");
		Http.Response created = steps.expect(steps.send("POST", "/api/v1/identity/members", demo.partnerToken, member), 201);
		String memberLoginId = text(created.json(), "loginId");
		ok(created, "member " + memberLoginId + " created by the administrator");
		String memberPassword = steps.activateFromMail(memberEmail).password();
		String memberToken = steps.signIn(memberLoginId, memberPassword);
		Http.Response me = steps.expect(steps.get("/api/v1/identity/me", memberToken), 200);
		ok(me, "the member acts for partner " + text(me.json(), "partnerId") + " with roles " + me.json().path("roles"));

		for (Map.Entry<String, String> read : SERVICE_READS.entrySet()) {
			steps.expect(steps.direct(port(read.getKey()), read.getValue(), memberToken), 200);
		}
		ObjectNode incident = Http.JSON.createObjectNode();
		incident.put("type", "LOST");
		incident.put("detail", "デモ: 端末を紛失しました。");
		Http.Response reported = steps.expect(steps.send("POST", "/api/v1/identity/me/incidents", memberToken, incident),
				202);
		long reportedAt = System.nanoTime();
		ok(reported, "incident " + firstNonEmpty(text(reported.json(), "incidentId"), text(reported.json(), "id")));
		Http.Response refused = steps.poll("the gateway refusing the reported ID's token", Duration.ofSeconds(5), () -> {
			Http.Response answer = steps.quietly("GET", "/api/v1/identity/me", memberToken);
			return answer.status() == 401 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/identity/me");
		ok(refused, "the member's existing token is refused at the gateway");
		// Every service checks revocation itself (SPEC 3, identity): a caller that reaches a port
		// behind the gateway is refused as well, within a second of the report.
		for (Map.Entry<String, String> read : SERVICE_READS.entrySet()) {
			int port = port(read.getKey());
			Http.Response direct = steps.poll(read.getKey() + " refusing the reported ID's token", Duration.ofSeconds(1),
					() -> {
						Http.Response answer = steps.direct(port, read.getValue(), memberToken);
						return answer.status() == 401 ? Optional.of(answer) : Optional.empty();
					});
			Console.line("  → GET http://localhost:%d%s", port, read.getValue());
			ok(direct, "refused on the service's own port too (" + (System.nanoTime() - reportedAt) / 1_000_000
					+ " ms after the report)");
		}
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("loginId", memberLoginId);
		body.put("password", memberPassword);
		Http.Response signIn = steps.expect(steps.send("POST", "/api/v1/auth/token", null, body), 401);
		ok(signIn, "and the member ID can no longer sign in (the operator can reissue it)");
		Http.Response admin = steps.expect(steps.get("/api/v1/partners/me", demo.partnerToken), 200);
		ok(admin, "the administrator's ID is not affected");
	}

	private static int port(String service) {
		return Layout.SERVICES.stream()
			.filter((spec) -> spec.name().equals(service))
			.findFirst()
			.orElseThrow()
			.port();
	}

}
