package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Art. 7.5 in the demo: a partial suspension, the partner reads its case (without NOP's internal
 * notes) and proposes when to resume, the operator agrees, and the measure lifts at that time.
 */
final class ResumptionByConsultationFlow {

	private final FlowCalls calls;

	private final String operatorToken;

	private final String partnerToken;

	private final String partnerId;

	ResumptionByConsultationFlow(Http http, String gateway, String operatorToken, String partnerToken,
			String partnerId) {
		this.calls = new FlowCalls(http, gateway);
		this.operatorToken = operatorToken;
		this.partnerToken = partnerToken;
		this.partnerId = partnerId;
	}

	void run() {
		this.calls.title("Resumption by consultation (Art. 7.5): the partner proposes a time, NOP agrees");
		ObjectNode kase = Http.JSON.createObjectNode();
		kase.put("partnerId", this.partnerId);
		kase.put("category", "EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS");
		kase.put("description", "デモ: Webhook 受信側の再送が過重な負荷を生じさせています（社内向け）");
		String caseId = FlowCalls.text(
				this.calls.call("POST", "/api/v1/enforcement/cases", this.operatorToken, kase, 201).json(), "id");
		ObjectNode suspension = Http.JSON.createObjectNode();
		suspension.put("type", "SUSPENSION");
		suspension.putObject("scope").putArray("capabilities").add("webhooks");
		suspension.put("note", "デモ: Webhook の利用を停止します。原因を取り除いたらご連絡ください。");
		suspension.put("internalNote", "デモ: 社内メモ（パートナーには表示されません）");
		this.calls.call("POST", "/api/v1/enforcement/cases/" + FlowCalls.encode(caseId) + "/measures",
				this.operatorToken, suspension, 201);
		Console.line("  ✓ case %s: webhooks suspended", caseId);

		Http.Response mine = this.calls.call("GET", "/api/v1/enforcement/me/cases", this.partnerToken, null, 200);
		FlowCalls.require(mine.body().contains(caseId), "the partner does not see its case");
		FlowCalls.require(!mine.body().contains("社内"), "the partner sees NOP's internal material");
		FlowCalls.ok(mine, "the partner sees its case, the measure and its note; no internal note");

		Instant resumeAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
		ObjectNode proposal = Http.JSON.createObjectNode();
		proposal.put("statement", "デモ: 再送処理を修正し、原因を取り除きました。");
		proposal.put("proposedResumeAt", resumeAt.toString());
		Http.Response proposed = this.calls.call("POST",
				"/api/v1/enforcement/me/cases/" + FlowCalls.encode(caseId) + "/proposals", this.partnerToken, proposal,
				201);
		String proposalId = FlowCalls.text(proposed.json(), "id");
		FlowCalls.ok(proposed, "proposal " + proposalId + ": resume at " + resumeAt + " (the operator is alerted by mail)");

		ObjectNode agreement = Http.JSON.createObjectNode();
		agreement.put("note", "デモ: ご提案の日時に再開します。");
		Http.Response agreed = this.calls.call("POST", "/api/v1/enforcement/cases/" + FlowCalls.encode(caseId)
				+ "/proposals/" + FlowCalls.encode(proposalId) + "/agreement", this.operatorToken, agreement, 200);
		FlowCalls.ok(agreed, "NOP agreed: resolved, measures lift at "
				+ FlowCalls.text(agreed.json().path("resolution"), "resumeAt"));

		Console.line("  … waiting for the agreed time and the partner's notice of the agreement");
		JsonNode notice = FlowCalls.poll("the notice of the agreement", Duration.ofSeconds(30),
				() -> this.calls.inboxNotice(this.partnerToken, "resumption-decided"));
		Console.line("  ✓ inbox: %s", FlowCalls.text(notice, "subject"));
		FlowCalls.poll("the measure lifted", Duration.ofSeconds(30), () -> {
			JsonNode seen = this.calls
				.quietly("GET", "/api/v1/enforcement/me/cases/" + FlowCalls.encode(caseId), this.partnerToken)
				.json();
			return seen.path("resolution").path("liftedAt").isString() ? Optional.of(seen) : Optional.empty();
		});
		Http.Response history = this.calls.call("GET", "/api/v1/enforcement/cases/" + FlowCalls.encode(caseId),
				this.operatorToken, null, 200);
		FlowCalls.ok(history, "lifted at the agreed time; history: " + history.json().path("history").findValuesAsString("action"));
	}
}
