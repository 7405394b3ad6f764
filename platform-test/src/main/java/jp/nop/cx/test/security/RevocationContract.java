package jp.nop.cx.test.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jp.nop.cx.events.CredentialRevoked;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Art. 4.3 as one test every service runs: a token revoked through {@code credential-revoked} is
 * refused by the service itself, not only by the gateway, even one issued in the same second as
 * the revocation; a token of the next credential generation works; a token of another issuer is
 * refused; a token only for enrolling a second factor (ADR 0018) is refused; and the service is
 * ready only once it has read the revocations.
 * <p>
 * A service's {@code RevocationIT} implements this interface and keeps extending its module's IT
 * base class (one Spring context), naming one partner endpoint a valid token gets an answer
 * from (any but 401). The service's ports come from the Spring context the test runs in.
 */
public interface RevocationContract {

	/** How long a published revocation may take to reach the service under test. */
	Duration PROPAGATION = Duration.ofSeconds(5);

	/** A path a partner administrator's valid token gets an answer other than 401 from. */
	String partnerEndpoint();

	@Test
	default void aTokenIssuedInTheSecondOfTheRevocationIsRefusedAndOneOfTheNextGenerationWorks(ApplicationContext context) {
		ApiClient api = api(context);
		String partnerId = "p-revoked-" + UUID.randomUUID();
		String loginId = "cx-" + UUID.randomUUID().toString().substring(0, 8);
		// A fixed clock: the sign-in, the report and the new sign-in all fall in one second.
		Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String stolen = TestTokens.partnerAdminOfGeneration(partnerId, loginId, 0, second.plusMillis(100));
		assertThat(api.as(stolen).get(partnerEndpoint()).status()).isNotEqualTo(401);

		Instant reported = second.plusMillis(400);
		TopicProbe.publish(EventType.CREDENTIAL_REVOKED.topic(), partnerId, UUID.randomUUID().toString(),
				EventType.CREDENTIAL_REVOKED.ceType(),
				new CredentialRevoked(partnerId, loginId, "COMPROMISED", reported, reported, 1L));

		await().atMost(PROPAGATION)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> api.as(stolen).get(partnerEndpoint()).status() == 401);
		String reissued = TestTokens.partnerAdminOfGeneration(partnerId, loginId, 1, second.plusMillis(700));
		assertThat(api.as(reissued).get(partnerEndpoint()).status()).isNotEqualTo(401);
		assertThat(api.as(TestTokens.partnerMember(partnerId)).get(partnerEndpoint()).status()).isNotEqualTo(401);
	}

	@Test
	default void aTokenOfAnotherIssuerIsRefused(ApplicationContext context) {
		ApiClient api = api(context);
		String partnerId = "p-issuer-" + UUID.randomUUID();
		assertThat(api.as(TestTokens.partnerAdmin(partnerId)).get(partnerEndpoint()).status()).isNotEqualTo(401);
		assertThat(api.as(TestTokens.fromIssuer("https://attacker.example", partnerId))
			.get(partnerEndpoint())
			.status()).isEqualTo(401);
	}

	@Test
	default void aTokenOnlyForEnrollingASecondFactorIsRefused(ApplicationContext context) {
		String partnerId = "p-enrolment-" + UUID.randomUUID();
		ApiClient.Response refused = api(context).as(TestTokens.enrolmentOnly(partnerId))
			.header("Accept-Language", "en")
			.get(partnerEndpoint());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/mfa-enrolment-required");
		assertThat(refused.text("title")).isEqualTo("Second factor enrolment required");
	}

	@Test
	default void theServiceIsReadyOnlyWithTheRevocationsRead(ApplicationContext context) {
		ApiClient management = port(context, "local.management.port");
		await().atMost(PROPAGATION).untilAsserted(() -> {
			ApiClient.Response readiness = management.get("/actuator/health/readiness");
			assertThat(readiness.status()).as(readiness.raw()).isEqualTo(200);
			assertThat(readiness.json().path("components").path("revocations").path("status").asString())
				.as(readiness.raw())
				.isEqualTo("UP");
		});
	}

	/** An anonymous client of the service under test. */
	private static ApiClient api(ApplicationContext context) {
		return port(context, "local.server.port");
	}

	/** The public port or the management port (actuator), as Boot published it. */
	private static ApiClient port(ApplicationContext context, String property) {
		return ApiClient.at(context.getEnvironment().getRequiredProperty(property, Integer.class));
	}
}
