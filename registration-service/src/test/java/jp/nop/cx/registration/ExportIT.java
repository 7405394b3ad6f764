package jp.nop.cx.registration;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 5, 6: the partner's backup is whole, or it is not given. */
class ExportIT extends RegistrationIntegrationTest {

	@Autowired
	Resilience4JCircuitBreakerFactory circuitBreakers;

	@BeforeEach
	void closeCircuits() {
		this.circuitBreakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void theBackupHoldsEveryServicesPartAskedWithThePartnersOwnToken() {
		String partnerId = approvedPartner();
		partnerAdmin(partnerId).post("/api/v1/partners/me/transfers", Map.of("transferee",
				Map.of("company",
						Map.of("name", "株式会社譲受", "corporateNumber", newCorporateNumber(), "postalCode", "530-0001",
								"address", "大阪府大阪市北区梅田1-1"),
						"contact", Map.of("name", "田中 次郎", "email", "tanaka@joju.example.jp", "phone", "06-1234-5678")),
				"reason", "事業譲渡のため"));
		String token = TestTokens.partnerMember(partnerId);

		ApiClient.Response export = ApiClient.at(this.port).as(token).get("/api/v1/partners/me/export");

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.header("Content-Disposition")).contains("attachment").contains(partnerId);
		JsonNode document = export.json();
		assertThat(document.path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(document.path("format").asString()).isEqualTo("cx-portal-partner-export/1");
		assertThat(document.path("registration").path("company").path("name").asString()).isEqualTo("株式会社テスト商事");
		assertThat(document.path("application").path("agreement").path("termsVersion").asString()).isEqualTo("1");
		assertThat(document.path("transfers").get(0).path("status").asString()).isEqualTo("REQUESTED");
		for (String service : SERVICES.names()) {
			assertThat(document.path("services").path(service).path("service").asString()).isEqualTo(service);
			assertThat(document.path("services").path(service).path("partnerId").asString()).isEqualTo(partnerId);
			assertThat(SERVICES.get(service).lastAuthorization()).isEqualTo("Bearer " + token);
			assertThat(SERVICES.get(service).lastPath()).isEqualTo("/internal/v1/partners/" + partnerId + "/export");
		}
	}

	@Test
	void aServiceThatFailsMeansNoBackupAndATimeToComeBack() {
		String partnerId = approvedPartner();
		SERVICES.get("enforcement").mode(FakeServices.Mode.FAIL);

		ApiClient.Response export = partnerAdmin(partnerId).get("/api/v1/partners/me/export");

		assertThat(export.status()).isEqualTo(503);
		assertThat(export.header("Content-Type")).startsWith("application/problem+json");
		assertThat(export.header("Retry-After")).isEqualTo("30");
		assertThat(export.text("type")).endsWith("/export-unavailable");
		assertThat(export.json().path("unavailable").get(0).asString()).isEqualTo("enforcement");
		assertThat(export.json().has("registration")).isFalse();
		assertThat(export.json().has("services")).isFalse();
	}

	@Test
	void aServiceThatHangsCostsTheTimeLimitNotMore() {
		String partnerId = approvedPartner();
		SERVICES.get("notification").mode(FakeServices.Mode.HANG);

		long started = System.nanoTime();
		ApiClient.Response export = partnerAdmin(partnerId).header("Accept-Language", "en")
			.get("/api/v1/partners/me/export");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(export.status()).isEqualTo(503);
		assertThat(export.header("Retry-After")).isEqualTo("30");
		assertThat(export.json().path("unavailable").get(0).asString()).isEqualTo("notification");
		assertThat(export.text("detail")).contains("notification");
		// Time limit 1 s in these tests: the answer comes well before the stuck service would.
		assertThat(took).isLessThan(Duration.ofSeconds(6));
	}

	@Test
	void aServiceThatKeepsFailingIsNotAskedForAWhile() {
		String partnerId = approvedPartner();
		FakeServices.FakeService terms = SERVICES.get("terms");
		terms.mode(FakeServices.Mode.FAIL);
		// The circuit counts from five calls; at 50 % failures it opens.
		for (int i = 0; i < 5; i++) {
			assertThat(partnerAdmin(partnerId).get("/api/v1/partners/me/export").status()).isEqualTo(503);
		}
		SERVICES.reset();

		ApiClient.Response export = partnerAdmin(partnerId).get("/api/v1/partners/me/export");

		assertThat(export.status()).isEqualTo(503);
		assertThat(export.json().path("unavailable").get(0).asString()).isEqualTo("terms");
		assertThat(terms.lastPath()).as("an open circuit does not call the service").isNull();
		assertThat(SERVICES.get("identity").lastPath()).isNotNull();
	}

	@Test
	void aPartnerThatIsNotRegisteredHasNoBackup() {
		assertThat(partnerAdmin("no-such-partner").get("/api/v1/partners/me/export").status()).isEqualTo(404);
		assertThat(SERVICES.get("identity").lastPath()).isNull();
	}
}
