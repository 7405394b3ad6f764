package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** The partner requests a transfer; with NOP's consent its IDs move to the transferee. */
final class TransferFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	TransferFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Transfer of status (Art. 17): requested, consented by NOP, IDs move to the transferee";
	}

	@Override
	public void run() {
		String transfereeEmail = "transferee+" + System.currentTimeMillis() + "@example.co.jp";
		ObjectNode request = Http.JSON.createObjectNode();
		ObjectNode transferee = request.putObject("transferee");
		ObjectNode company = transferee.putObject("company");
		company.put("name", "株式会社デモ承継");
		company.put("corporateNumber", steps.corporateNumber());
		company.put("postalCode", "530-0001");
		company.put("address", "大阪府大阪市北区梅田1-1-1");
		ObjectNode contact = transferee.putObject("contact");
		contact.put("name", "田中 次郎");
		contact.put("email", transfereeEmail);
		contact.put("phone", "06-1234-5678");
		request.put("reason", "デモ: 事業譲渡のため");
		Http.Response requested = steps.expect(steps.send("POST", "/api/v1/partners/me/transfers", demo.partnerToken,
				request), 201);
		String transferId = text(requested.json(), "id");
		ok(requested, "transfer " + transferId + " REQUESTED (nothing moves without NOP's consent)");
		Http.Response consent = steps.expect(steps.send("POST", "/api/v1/transfers/" + encode(transferId) + "/consent",
				demo.operatorToken, Http.JSON.createObjectNode()), 200);
		ok(consent, "NOP consented");
		Http.Response refused = steps.poll("the old administrator's token refused", Duration.ofSeconds(10), () -> {
			Http.Response answer = steps.quietly("GET", "/api/v1/partners/me", demo.partnerToken);
			return answer.status() == 401 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/partners/me");
		ok(refused, "the transferor's IDs are revoked");
		Steps.Activated successor = steps.activateFromMail(transfereeEmail);
		demo.partnerLoginId = successor.loginId();
		demo.partnerToken = steps.signIn(demo.partnerLoginId, successor.password());
		Http.Response me = steps.expect(steps.get("/api/v1/partners/me", demo.partnerToken), 200);
		ok(me, "partner " + text(me.json(), "partnerId") + " is now " + text(me.json().path("company"), "name"));
	}

}
