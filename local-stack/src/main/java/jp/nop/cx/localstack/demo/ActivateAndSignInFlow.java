package jp.nop.cx.localstack.demo;

import jp.nop.cx.localstack.Console;

import static jp.nop.cx.localstack.demo.Answers.abbreviate;
import static jp.nop.cx.localstack.demo.Answers.firstNonEmpty;
import static jp.nop.cx.localstack.demo.Answers.optional;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** The administrator ID arrives by mail, is activated with a new password and signs in. */
final class ActivateAndSignInFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	ActivateAndSignInFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Activation: the administrator ID arrives by mail (Art. 4.1)";
	}

	@Override
	public void run() {
		Steps.ActivationMail mail = steps.awaitActivationMail(demo.contactEmail);
		demo.partnerLoginId = mail.loginId();
		Console.line("  ✓ mail 「%s」: login ID %s, activation token %s…", mail.subject(), demo.partnerLoginId,
				abbreviate(mail.token(), 8));

		String partnerPassword = steps.strongPassword();
		Http.Response activated = steps.activate(mail, partnerPassword);
		ok(activated, "password set for " + demo.partnerLoginId);

		demo.partnerToken = steps.signIn(demo.partnerLoginId, partnerPassword);
		Http.Response me = steps.expect(steps.get("/api/v1/partners/me", demo.partnerToken), 200);
		ok(me, "partner " + firstNonEmpty(text(me.json(), "id"), text(me.json(), "partnerId")) + ": "
				+ text(me.json().path("company"), "name") + " (" + text(me.json().path("company"), "corporateNumber")
				+ ")" + optional(" status ", text(me.json(), "status")));
	}

}
