package jp.nop.cx.localstack.demo;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import jp.nop.cx.localstack.Layout;
import jp.nop.cx.localstack.OperatorCredentials;

/**
 * {@code ./cx demo}: walks a running stack through the main flows, through the gateway and the mail
 * API only, printing each request, its status and the interesting fields. Strict on status codes;
 * tolerant only where the system is asynchronous (polling with timeouts). Exits non-zero on the
 * first unexpected answer. Each flow is a {@link DemoFlow}; this class runs them in order.
 */
public final class Demo {

	private final Http http = new Http();

	private final String gateway;

	private final String mailApi;

	private final Steps steps;

	private final List<DemoFlow> flows;

	private final long startNanos = System.nanoTime();

	/** An answer the demo did not expect: it stops there. */
	static final class Failed extends RuntimeException {

		Failed(String message) {
			super(message);
		}

	}

	Demo(String gateway, String mailApi, OperatorCredentials operator) {
		this.gateway = stripSlash(gateway);
		this.mailApi = stripSlash(mailApi);
		this.steps = new Steps(this.http, this.gateway, this.mailApi, new SecureRandom());
		DemoContext demo = new DemoContext();
		this.flows = List.of(new StatusAndTermsFlow(steps, demo), new OperatorSignsInFlow(steps, demo, operator),
				new ApplyFlow(steps, demo), new ApproveFlow(steps, demo), new ActivateAndSignInFlow(steps, demo),
				new ChangeTermsFlow(steps, demo), new WarnFlow(steps, demo), new SuspendFlow(steps, demo),
				new ReinstateFlow(steps, demo),
				DemoFlow.of("Resumption by consultation (Art. 7.5)", () -> new ResumptionByConsultationFlow(this.http,
						this.gateway, demo.operatorToken, demo.partnerToken, demo.partnerId).run()),
				new BackupFlow(steps, demo), new SupplementaryTermsFlow(steps, demo),
				DemoFlow.of("Supplements in compliance (Art. 1.2, 1.3)", () -> new SupplementComplianceFlow(this.http,
						this.gateway, demo.operatorToken, demo.partnerToken, demo.partnerId).run()),
				new WebhookFlow(steps, demo), new TerminationNoticeFlow(steps, demo), new MaintenanceFlow(steps, demo),
				new SummaryFlow(steps, demo), new MemberAndLossReportFlow(steps, demo), new MfaFlow(steps, demo),
				DemoFlow.of("A refused transfer is noticed (Art. 17)", () -> new TransferRefusalFlow(this.http,
						this.gateway, demo.operatorToken, demo.partnerToken).run()),
				new TransferFlow(steps, demo),
				DemoFlow.of("Audit trail (Art. 4.2, 7.2)", () -> new AuditFlow(this.http, this.gateway, demo.operatorToken,
						operator.login(), demo.partnerId).run()));
	}

	public static int run(Layout layout, Map<String, String> env) throws IOException {
		String gateway = env.getOrDefault("CX_GATEWAY_URL", "http://localhost:8080");
		String mail = env.getOrDefault("CX_MAIL_URL", "http://localhost:8025");
		Optional<OperatorCredentials> operator = OperatorCredentials.resolve(layout.operatorPasswordFile(), env);
		if (operator.isEmpty()) {
			Console.error("cx demo: no operator password: set CX_OPERATOR_PASSWORD, or start the stack with ./cx up "
					+ "from this directory (it keeps the password in .cx/operator-password)");
			return 1;
		}
		Demo demo = new Demo(gateway, mail, operator.get());
		try {
			demo.walk();
			return 0;
		}
		catch (Http.Unreachable ex) {
			Console.error("cx demo: " + ex.getMessage() + "; is the stack running? Start it with ./cx up");
			return 1;
		}
		catch (Failed ex) {
			Console.blank();
			Console.error("cx demo: stopped at step " + demo.steps.count() + ": " + ex.getMessage());
			return 1;
		}
	}

	void walk() {
		Console.line("cx demo: walking the stack at %s (mail: %s)", gateway, mailApi);
		for (DemoFlow flow : flows) {
			steps.step(flow.title());
			flow.run();
		}
		Console.blank();
		Console.line("cx demo: all steps passed in %.1f s.", (System.nanoTime() - startNanos) / 1e9);
		Console.blank();
		Console.line("Now look at it in the web console (%s/), signed in as the operator:", gateway);
		Console.line("  %s/operator/applications   applications to review (Art. 2.1)", gateway);
		Console.line("  %s/operator/cases          cases, measures and proposals (Art. 7)", gateway);
		Console.line("  %s/operator/audit          the audit trail and its tamper check (Art. 4.2)", gateway);
		Console.line("  %s/operator/terms          terms with a diff preview before publishing (Art. 16)", gateway);
		Console.line("  %s/status, %s/terms       what anyone may read", gateway, gateway);
		Console.line("  %s/swagger-ui/            every API's contract (OpenAPI), %s/asyncapi.yaml the topics", gateway,
				gateway);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
