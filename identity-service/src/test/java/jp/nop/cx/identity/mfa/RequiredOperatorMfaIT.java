package jp.nop.cx.identity.mfa;

import java.time.Duration;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CX_OPERATOR_MFA=required}, the default outside the local demo (ADR 0018): an operator
 * without a second factor signs in to a token good only for enrolling one; every other use of it
 * is refused with {@code mfa-enrolment-required}. Once enrolled, the operator signs in with
 * password and code. Its own context and database, with the partner consumers off, so the
 * suite's other context keeps the topics to itself.
 */
@TestPropertySource(properties = { "cx.identity.mfa.operator=required", "cx.test.database=cx-identity-mfa-required",
		"cx.identity.operator.login=" + RequiredOperatorMfaIT.OPERATOR,
		"spring.cloud.stream.bindings.onPartnerApproved-in-0.consumer.auto-startup=false",
		"spring.cloud.stream.bindings.onPartnerTerminated-in-0.consumer.auto-startup=false",
		"spring.cloud.stream.bindings.onPartnerTransferred-in-0.consumer.auto-startup=false",
		"spring.cloud.stream.bindings.onPartnerActivity-in-0.consumer.auto-startup=false" })
class RequiredOperatorMfaIT extends IdentityIT {

	static final String OPERATOR = "operator-mfa";

	private static final String PROBLEMS = "https://cx.nop.jp/problems/";

	@Test
	void anOperatorWithoutSecondFactorMayOnlyEnrolThenSignsInWithPasswordAndCode() {
		ApiClient.Response first = signInResponse(OPERATOR, OPERATOR_PASSWORD);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.text("restrictedTo")).isEqualTo("mfa-enrolment");
		String enrolmentOnly = first.text("accessToken");

		// Good for nothing but the enrolment, whatever the route's own rules.
		for (String[] call : new String[][] { { "GET", "/api/v1/identity/keys" },
				{ "GET", "/api/v1/identity/credentials/" + OPERATOR }, { "POST", "/api/v1/identity/keys/rotation" },
				{ "PUT", "/api/v1/identity/me/password" }, { "DELETE", "/api/v1/identity/me/mfa" } }) {
			ApiClient.Response refused = as(enrolmentOnly).header("Accept-Language", "en")
				.send(call[0], call[1], call[0].equals("GET") ? null : Map.of("code", "123456"));
			assertThat(refused.status()).as("%s %s: %s", call[0], call[1], refused).isEqualTo(403);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.text("type")).isEqualTo(PROBLEMS + "mfa-enrolment-required");
			assertThat(refused.text("title")).isEqualTo("Second factor enrolment required");
		}
		// A refresh of that sign-in is still only for enrolling.
		ApiClient.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", first.text("refreshToken")));
		assertThat(refreshed.text("restrictedTo")).isEqualTo("mfa-enrolment");
		assertThat(as(refreshed.text("accessToken")).get("/api/v1/identity/keys").status()).isEqualTo(403);

		// What it is good for: who am I, enrol, confirm.
		ApiClient.Response me = as(enrolmentOnly).get("/api/v1/identity/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
		ApiClient.Response enrolment = as(enrolmentOnly).post("/api/v1/identity/me/mfa", null);
		assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(201);
		String secret = enrolment.text("secret");
		ApiClient.Response confirmed = as(enrolmentOnly).post("/api/v1/identity/me/mfa/confirmation",
				Map.of("code", code(secret)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

		ApiClient.Response passwordStep = signInResponse(OPERATOR, OPERATOR_PASSWORD);
		assertThat(passwordStep.text("type")).isEqualTo(PROBLEMS + "mfa-required");
		this.clock.advance(Duration.ofSeconds(30));
		ApiClient.Response tokens = api().header("X-Forwarded-For", newClientAddress())
			.post("/api/v1/auth/token/mfa", Map.of("challenge", passwordStep.text("challenge"), "code", code(secret)));
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		assertThat(tokens.json().has("restrictedTo")).isFalse();
		assertThat(as(tokens.text("accessToken")).get("/api/v1/identity/keys").status()).isEqualTo(200);
	}

	private String code(String secret) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
					this.clock.instant().getEpochSecond() / 30);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
