package jp.nop.cx.localstack.demo;

import java.util.List;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.JsonNode;

import static jp.nop.cx.localstack.demo.Answers.items;
import static jp.nop.cx.localstack.demo.Answers.noticeTitle;
import static jp.nop.cx.localstack.demo.Answers.optional;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** What the walk left behind: the partner's inbox, the mail caught, the IDs. */
final class SummaryFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	SummaryFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Summary";
	}

	@Override
	public void run() {
		Http.Response inbox = steps.expect(steps.get("/api/v1/notifications/me", demo.partnerToken), 200);
		List<JsonNode> notices = items(inbox.json());
		ok(inbox, notices.size() + " notice(s) in the partner's inbox" + optional(", unread ", text(inbox.json(), "unread")));
		for (JsonNode notice : notices.subList(0, Math.min(notices.size(), 8))) {
			Console.line("      · %s", noticeTitle(notice));
		}
		List<JsonNode> mails = steps.mailsTo(demo.contactEmail);
		Console.line("  ✓ %d mail(s) caught for %s (read them at %s)", mails.size(), demo.contactEmail, steps.mailApi());
		for (JsonNode mail : mails.subList(0, Math.min(mails.size(), 8))) {
			Console.line("      · %s", text(mail, "Subject"));
		}
		Console.line("  partner      %s (application %s)", demo.partnerId, demo.registrationId);
		Console.line("  login ID     %s", demo.partnerLoginId);
		Console.line("  terms        version %s in force, deemed accepted by use", demo.termsVersion);
		Console.line("  case         %s: warned, suspended, reinstated", demo.caseId);
		Console.line("  then: a member ID and its loss report; the transfer of the partner's status");
	}

}
