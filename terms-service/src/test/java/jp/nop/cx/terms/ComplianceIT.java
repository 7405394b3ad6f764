package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 16.3: which active partners have not yet accepted the version in force. */
class ComplianceIT extends TermsServiceIntegrationTest {

	@Test
	void activePartnersWithoutAnAcceptanceOfTheVersionInForceAreListed() {
		Instant epoch = freshEpoch();
		String version = newVersion("K");
		this.clock.set(epoch.minus(Duration.ofHours(1)));
		assertThat(publish(version(version, epoch, "第1条\n改定後の本文\n")).status()).isEqualTo(201);
		this.clock.set(epoch.plus(Duration.ofHours(1)));

		String agreedInApplication = newPartnerId();
		String silent = newPartnerId();
		String terminated = newPartnerId();
		String usedIt = newPartnerId();
		approve(agreedInApplication, version, epoch);
		approve(silent, "1", epoch.minus(Duration.ofDays(400)));
		approve(terminated, "1", epoch.minus(Duration.ofDays(400)));
		approve(usedIt, "1", epoch.minus(Duration.ofDays(400)));
		deliver(new PartnerTerminated(terminated, "PARTNER", LocalDate.of(2030, 1, 1), epoch));
		deliver(new PartnerActivity(usedIt, "admin-" + usedIt, Capability.TERMS, "GET", "203.0.113.8", "Mozilla/5.0",
				epoch.plus(Duration.ofMinutes(30))));

		JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> {
			ApiClient.Response response = operator().get("/api/v1/terms/compliance?size=500");
			assertThat(response.status()).as(shown(response)).isEqualTo(200);
			List<String> pending = partnerIds(response.json());
			return (pending.contains(silent) && !pending.contains(agreedInApplication)
					&& !pending.contains(terminated) && !pending.contains(usedIt)) ? response.json() : null;
		}, (found) -> found != null);

		assertThat(report.path("version").asString()).isEqualTo(version);
		assertThat(report.path("acceptances").path("EXPLICIT").asLong()).isEqualTo(1);
		assertThat(report.path("acceptances").path("DEEMED_BY_USE").asLong()).isEqualTo(1);
		assertThat(report.path("notAccepted").asLong()).isEqualTo(report.path("items").size());
		assertThat(report.path("activePartners").asLong()).isGreaterThanOrEqualTo(3);

		ApiClient.Response firstPage = operator().get("/api/v1/terms/compliance?page=0&size=1");
		assertThat(firstPage.json().path("items")).hasSize(1);
		assertThat(firstPage.json().path("totalPages").asInt()).isEqualTo(report.path("notAccepted").asInt());
		PublicationBadInputIT.assertProblem(operator().get("/api/v1/terms/compliance?size=0"), 422, "validation");
	}

	private static void approve(String partnerId, String termsVersion, Instant agreedAt) {
		deliver(new PartnerApproved(partnerId, "app-" + partnerId, "株式会社" + partnerId.substring(2, 8), "1234567890123",
				"佐藤 花子", "hanako@example.co.jp", "ja", termsVersion, agreedAt, "operator", agreedAt));
	}

	private static List<String> partnerIds(JsonNode report) {
		List<String> ids = new ArrayList<>();
		report.path("items").forEach((item) -> ids.add(item.path("partnerId").asString()));
		return ids;
	}
}
