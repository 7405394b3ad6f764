package jp.nop.cx.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SPEC section 3, gateway: anonymous only where the SPEC says; everything else a valid token. */
class AuthenticationIT extends GatewayIntegrationTest {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/v1/registrations", "POST, /api/v1/auth/token", "POST, /api/v1/auth/token/mfa",
			"POST, /api/v1/auth/refresh",
			"POST, /api/v1/auth/activation", "GET, /api/v1/auth/jwks", "GET, /api/v1/terms/current",
			"GET, /api/v1/terms/versions", "GET, /api/v1/terms/versions/2/diff?from=1",
			"GET, /api/v1/terms/effective?scope=webhooks", "GET, /api/v1/terms/supplements",
			"GET, /api/v1/service-status" })
	void anonymousWhereTheSpecSaysSo(String method, String path) {
		Response response = gateway().send(method, path, method.equals("POST") ? "{}" : null);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /api/v1/registrations", "GET, /api/v1/partners/me", "GET, /api/v1/partners/me/export",
			"POST, /api/v1/terms/versions", "GET, /api/v1/identity/me", "GET, /api/v1/enforcement/me/standing",
			"POST, /api/v1/service-status/events", "GET, /api/v1/notifications/me",
			"PUT, /api/v1/notifications/me/webhook", "DELETE, /api/v1/auth/token" })
	void everythingElseNeedsAToken(String method, String path) {
		Response response = gateway().send(method, path, method.equals("GET") ? null : "{}");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/unauthenticated");
		assertThat(response.text("title")).isEqualTo("サインインが必要です");
		assertThat(SERVICES.all((r) -> r.uri().startsWith(path))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "unsigned", "foreign-key", "tampered", "expired", "garbage" })
	void aTokenThatIsNotGenuineAndCurrentIsRefusedAtTheGateway(String kind) {
		String partnerId = unique("p");
		String token = switch (kind) {
			case "unsigned" -> TestTokens.unsigned(partnerId);
			case "foreign-key" -> TestTokens.signedWithForeignKey(partnerId);
			case "expired" -> TestTokens.expired(partnerId);
			case "tampered" -> tamper(TestTokens.partnerAdmin(partnerId));
			default -> "not.a.jwt";
		};

		Response response = gateway().as(token).header("Accept-Language", "en").get("/api/v1/partners/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
		assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/unauthenticated");
		assertThat(response.text("title")).isEqualTo("Sign-in required");
	}

	/** Claims an operator's role with the partner's signature: the signature no longer matches. */
	private static String tamper(String token) {
		String[] parts = token.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("PARTNER_ADMIN", "OPERATOR");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
	}

	@Test
	void aTokenOfAKeyRotatedInIsAcceptedOnceTheJwksPublishesIt() {
		String partner = unique("rotation");
		String rotatedToken = TestTokens.partnerAdminSignedWithNextKey(partner);
		// Before the rotation the key is unknown: refused. After it, the gateway refetches the
		// JWKS on the unknown key ID and accepts, while tokens of the old key stay valid.
		assertThat(gateway().as(rotatedToken).get("/api/v1/partners/me").status()).isEqualTo(401);
		TestTokens.rotate();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> gateway().as(rotatedToken).get("/api/v1/partners/me").status() == 200);
		assertThat(gateway().as(TestTokens.partnerAdmin(partner)).get("/api/v1/partners/me").status()).isEqualTo(200);
	}

	@Test
	void aTokenIssuedInTheSecondOfTheRevocationIsRefusedWithinOneSecondAndOneIssuedAfterItAccepted() {
		String partnerId = unique("p");
		String loginId = unique("login");
		// Everything happens in one second of a fixed clock: the sign-in, the report, the reissue.
		Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String stolen = TestTokens.partnerAdminOfGeneration(partnerId, loginId, 0, second.plusMillis(100));
		String colleague = TestTokens.partnerMember(partnerId);
		assertThat(gateway().as(stolen).get("/api/v1/partners/me").status()).isEqualTo(200);

		// Art. 4.3: the partner reported the ID stolen; identity-service revoked it (generation 1).
		Published.event(Published.revoked(partnerId, loginId, 1, second.plusMillis(400)));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(stolen).get("/api/v1/partners/me").status() == 401);
		assertThat(gateway().as(colleague).get("/api/v1/partners/me").status()).isEqualTo(200);
		// Reissued and activated; signed in again within the same second (generation 2).
		String reissued = TestTokens.partnerAdminOfGeneration(partnerId, loginId, 2, second.plusMillis(700));
		assertThat(gateway().as(reissued).get("/api/v1/partners/me").status()).isEqualTo(200);
	}

	@Test
	void aTokenOfAnotherIssuerIsRefused() {
		Response refused = gateway().as(TestTokens.fromIssuer("https://attacker.example", unique("p")))
			.get("/api/v1/partners/me");
		assertThat(refused.status()).isEqualTo(401);
	}

	/** ADR 0018: a token only for enrolling a second factor reaches nothing but the enrolment. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /api/v1/partners/me", "GET, /api/v1/registrations", "POST, /api/v1/enforcement/cases",
			"GET, /api/v1/identity/keys", "DELETE, /api/v1/identity/me/mfa", "PUT, /api/v1/identity/me/password" })
	void aTokenOnlyForEnrollingASecondFactorIsRefusedElsewhere(String method, String path) {
		Response refused = gateway().as(TestTokens.enrolmentOnly(unique("p")))
			.header("Accept-Language", "en")
			.send(method, path, method.equals("GET") ? null : "{}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/mfa-enrolment-required");
		assertThat(refused.text("title")).isEqualTo("Second factor enrolment required");
		assertThat(SERVICES.all((r) -> r.uri().startsWith(path))).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /api/v1/identity/me", "POST, /api/v1/identity/me/mfa", "POST, /api/v1/identity/me/mfa/confirmation" })
	void aTokenOnlyForEnrollingASecondFactorReachesTheEnrolment(String method, String path) {
		Response passed = gateway().as(TestTokens.enrolmentOnly(unique("p")))
			.send(method, path, method.equals("GET") ? null : "{}");

		assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
		assertThat(SERVICES.all((r) -> r.uri().startsWith(path))).isNotEmpty();
	}
}
