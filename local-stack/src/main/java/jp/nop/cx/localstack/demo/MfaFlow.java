package jp.nop.cx.localstack.demo;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.abbreviate;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/**
 * A member ID sets up a TOTP second factor, signs in with password and code, and removes it again
 * with a recovery code, so the walk leaves no enrolment behind. The codes are computed here as an
 * authenticator app would (RFC 6238: SHA-1, 6 digits, 30 s).
 */
final class MfaFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	MfaFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Second factor (TOTP): enrol, sign in with password and code, remove (Art. 4.3)";
	}

	@Override
	public void run() {
		String email = "mfa+" + System.currentTimeMillis() + "@example.co.jp";
		ObjectNode member = Http.JSON.createObjectNode();
		member.put("email", email);
		member.put("name", "高橋 二郎");
		Http.Response created = steps.expect(steps.send("POST", "/api/v1/identity/members", demo.partnerToken, member),
				201);
		String loginId = text(created.json(), "loginId");
		ok(created, "member " + loginId + " created by the administrator");
		String password = steps.activateFromMail(email).password();
		String token = steps.signIn(loginId, password);

		Http.Response enrolment = steps.expect(steps.send("POST", "/api/v1/identity/me/mfa", token, null), 201);
		String secret = text(enrolment.json(), "secret");
		ok(enrolment, "secret " + abbreviate(secret, 6) + "… for the authenticator app: "
				+ abbreviate(text(enrolment.json(), "otpauthUri"), 40));
		Http.Response confirmed = steps.expect(steps.send("POST", "/api/v1/identity/me/mfa/confirmation", token,
				code(codeAt(secret, 0))), 200);
		JsonNode recoveryCodes = confirmed.json().path("recoveryCodes");
		ok(confirmed, "confirmed with a first code; " + recoveryCodes.size() + " recovery codes, shown once");

		Http.Response passwordStep = steps.expect(steps.send("POST", "/api/v1/auth/token", null, signIn(loginId, password)),
				401);
		ok(passwordStep, "password right: " + text(passwordStep.json(), "type") + ", challenge "
				+ abbreviate(text(passwordStep.json(), "challenge"), 8) + "…");
		// The confirmation spent this step's code; the next step's is within the allowed drift.
		String next = codeAt(secret, 1);
		Http.Response tokens = steps.expect(steps.send("POST", "/api/v1/auth/token/mfa", null,
				secondStep(text(passwordStep.json(), "challenge"), next)), 200);
		ok(tokens, loginId + " signed in with password and code");

		Http.Response again = steps.expect(steps.send("POST", "/api/v1/auth/token", null, signIn(loginId, password)), 401);
		Http.Response replay = steps.expect(steps.send("POST", "/api/v1/auth/token/mfa", null,
				secondStep(text(again.json(), "challenge"), next)), 401);
		ok(replay, "the same code again is refused: " + text(replay.json(), "type"));

		Http.Response removed = steps.expect(steps.send("DELETE", "/api/v1/identity/me/mfa",
				text(tokens.json(), "accessToken"), code(recoveryCodes.path(0).asString())), 204);
		ok(removed, "removed with a recovery code; the password alone signs in again");
		steps.signIn(loginId, password);
	}

	private static ObjectNode signIn(String loginId, String password) {
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("loginId", loginId);
		body.put("password", password);
		return body;
	}

	private static ObjectNode secondStep(String challenge, String code) {
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("challenge", challenge);
		body.put("code", code);
		return body;
	}

	private static ObjectNode code(String code) {
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("code", code);
		return body;
	}

	/** The code of the time step {@code offset} steps from now. */
	private static String codeAt(String secret, int offset) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
					Instant.now().getEpochSecond() / 30 + offset);
		}
		catch (CodeGenerationException ex) {
			throw new Demo.Failed("TOTP code not computed: " + ex.getMessage());
		}
	}
}
