package jp.nop.cx.localstack.demo;

import java.security.SecureRandom;
import java.time.Duration;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Art. 17 in the demo: a transfer request, NOP's refusal with a reason, and the partner's notice of it. */
final class TransferRefusalFlow {

	private final FlowCalls calls;

	private final String operatorToken;

	private final String partnerToken;

	private final SecureRandom random = new SecureRandom();

	TransferRefusalFlow(Http http, String gateway, String operatorToken, String partnerToken) {
		this.calls = new FlowCalls(http, gateway);
		this.operatorToken = operatorToken;
		this.partnerToken = partnerToken;
	}

	void run() {
		this.calls.title("Transfer of status refused (Art. 17): the partner is told, with NOP's reason");
		ObjectNode request = Http.JSON.createObjectNode();
		ObjectNode transferee = request.putObject("transferee");
		ObjectNode company = transferee.putObject("company");
		company.put("name", "株式会社デモ不承諾");
		company.put("corporateNumber", Steps.corporateNumber(this.random));
		company.put("postalCode", "460-0008");
		company.put("address", "愛知県名古屋市中区栄1-1-1");
		ObjectNode contact = transferee.putObject("contact");
		contact.put("name", "鈴木 三郎");
		contact.put("email", "refused+" + System.currentTimeMillis() + "@example.co.jp");
		contact.put("phone", "052-123-4567");
		request.put("reason", "デモ: 子会社への事業移管のため");
		Http.Response requested = this.calls.call("POST", "/api/v1/partners/me/transfers", this.partnerToken, request,
				201);
		String transferId = FlowCalls.text(requested.json(), "id");
		FlowCalls.ok(requested, "transfer " + transferId + " REQUESTED (the partner gets a receipt)");

		ObjectNode refusal = Http.JSON.createObjectNode();
		refusal.put("reason", "デモ: 書面による承諾の申請が確認できないため");
		Http.Response refused = this.calls.call("POST", "/api/v1/transfers/" + FlowCalls.encode(transferId) + "/refusal",
				this.operatorToken, refusal, 200);
		FlowCalls.ok(refused, "NOP refused");

		Console.line("  … waiting for the partner's notice of the refusal");
		JsonNode notice = FlowCalls.poll("the notice of the refusal", Duration.ofSeconds(30),
				() -> this.calls.inboxNotice(this.partnerToken, "partner-transfer-refused"));
		FlowCalls.require(FlowCalls.text(notice, "body").contains("書面による承諾の申請が確認できない"),
				"the notice does not give NOP's reason");
		Console.line("  ✓ inbox (and mail): %s", FlowCalls.text(notice, "subject"));
	}
}
