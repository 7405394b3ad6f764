package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
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
		awaitKnown(agreedInApplication, silent, terminated, usedIt);
		deliver(new PartnerTerminated(terminated, "PARTNER", LocalDate.of(2030, 1, 1), epoch));
		deliver(new PartnerActivity(usedIt, "admin-" + usedIt, Capability.TERMS, "GET", "203.0.113.8", "Mozilla/5.0",
				epoch.plus(Duration.ofMinutes(30))));

		JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> {
			ApiClient.Response response = operator().get("/api/v1/terms/compliance?size=500");
			assertThat(response.status()).as(shown(response)).isEqualTo(200);
			// Supplements published by other tests may be in force too: this test is about the base version.
			List<String> pending = partnerIds(response.json(), version);
			// Every signal processed (each partner's events travel on their own partition).
			boolean processed = response.json().path("acceptances").path("EXPLICIT").asLong() == 1
					&& response.json().path("acceptances").path("DEEMED_BY_USE").asLong() == 1;
			return (processed && pending.contains(silent) && !pending.contains(agreedInApplication)
					&& !partnerIds(response.json()).contains(terminated) && !pending.contains(usedIt))
					? response.json() : null;
		}, (found) -> found != null);

		assertThat(report.path("version").asString()).isEqualTo(version);
		assertThat(report.path("acceptances").path("EXPLICIT").asLong()).isEqualTo(1);
		assertThat(report.path("acceptances").path("DEEMED_BY_USE").asLong()).isEqualTo(1);
		assertThat(report.path("notAccepted").asLong()).isEqualTo(report.path("items").size());
		assertThat(report.path("baseNotAccepted").asLong()).isEqualTo(partnerIds(report, version).size());
		assertThat(report.path("activePartners").asLong()).isGreaterThanOrEqualTo(3);

		ApiClient.Response firstPage = operator().get("/api/v1/terms/compliance?page=0&size=1");
		assertThat(firstPage.json().path("items")).hasSize(1);
		assertThat(firstPage.json().path("totalPages").asInt()).isEqualTo(report.path("notAccepted").asInt());
		PublicationBadInputIT.assertProblem(operator().get("/api/v1/terms/compliance?size=0"), 422, "validation");
	}

	@Test
	void aPartnerThatHasNotAcceptedASupplementInForceForACapabilityItUsedIsListedUntilItUsesItAgain() {
		Instant epoch = freshEpoch();
		String base = newVersion("S");
		String webhooks = newVersion("W");
		String key = "webhooks:" + webhooks;
		// The first authenticated call of a JVM fetches the JWKS, which a loaded machine may time out.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> operator().get("/api/v1/terms/compliance?size=1").status() == 200);
		this.clock.set(epoch.minus(Duration.ofHours(1)));
		assertThat(publish(version(base, epoch, "第1条\n本文\n")).status()).isEqualTo(201);
		assertThat(publish(supplement("webhooks", webhooks, epoch.plus(Duration.ofHours(1)), "第1条\n送信先\n"))
			.status()).isEqualTo(201);

		// The partner used webhooks before the supplement took effect: that use accepted nothing of it.
		String user = newPartnerId();
		String explicit = newPartnerId();
		approve(user, base, epoch);
		approve(explicit, base, epoch);
		awaitKnown(user, explicit);
		deliver(new PartnerActivity(user, "admin-" + user, Capability.WEBHOOKS, "PUT", "203.0.113.9", "curl/8",
				epoch.plus(Duration.ofMinutes(30))));
		this.clock.set(epoch.plus(Duration.ofHours(2)));
		ApiClient.Response accepted = partnerAdmin(explicit).post("/api/v1/terms/acceptances",
				Map.of("version", base, "supplementVersions", List.of(key)));
		assertThat(accepted.status()).as(shown(accepted)).isIn(200, 201);

		JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode json = operator().get("/api/v1/terms/compliance?size=500").json();
			return (item(json, user) != null && missingKeys(item(json, user)).contains(key)) ? json : null;
		}, (found) -> found != null);
		JsonNode listed = item(report, user);
		assertThat(missingKeys(listed)).contains(key).doesNotContain(base);
		assertThat(listed.path("missing").findValuesAsString("kind")).contains("SUPPLEMENT");
		JsonNode inForce = supplementReport(report, key);
		assertThat(inForce.path("scope").asString()).isEqualTo("webhooks");
		assertThat(Instant.parse(inForce.path("effectiveFrom").asString())).isEqualTo(epoch.plus(Duration.ofHours(1)));
		assertThat(inForce.path("acceptances").path("EXPLICIT").asLong()).isEqualTo(1);
		assertThat(inForce.path("notAccepted").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(item(report, explicit) == null || !missingKeys(item(report, explicit)).contains(key)).isTrue();

		// Art. 1.2, 2.2: its first use of webhooks after the supplement took effect is deemed acceptance.
		deliver(new PartnerActivity(user, "admin-" + user, Capability.WEBHOOKS, "GET", "203.0.113.9", "curl/8",
				epoch.plus(Duration.ofHours(2))));
		TopicProbe.Event deemed = TopicProbe.await("terms-accepted", (e) -> user.equals(e.key())
				&& e.body().path("supplementVersions").toString().contains(key));
		assertThat(deemed.body().path("method").asString()).isEqualTo("DEEMED_BY_USE");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode json = operator().get("/api/v1/terms/compliance?size=500").json();
			assertThat(item(json, user) == null || !missingKeys(item(json, user)).contains(key)).isTrue();
		});
		JsonNode mine = partnerAdmin(user).get("/api/v1/terms/acceptances/me").json();
		assertThat(mine.path("items").findValues("supplementVersions").toString()).contains(key);

		// A new base version later: the supplement stays accepted, and a further use adds it nowhere again.
		String next = newVersion("S");
		assertThat(publish(version(next, epoch.plus(Duration.ofHours(3)), "第1条\n改定\n")).status()).isEqualTo(201);
		this.clock.set(epoch.plus(Duration.ofHours(4)));
		deliver(new PartnerActivity(user, "admin-" + user, Capability.WEBHOOKS, "GET", "203.0.113.9", "curl/8",
				epoch.plus(Duration.ofHours(4))));
		TopicProbe.await("terms-accepted", (e) -> user.equals(e.key()) && next.equals(e.body().path("version").asString()));
		assertThat(TopicProbe.all("terms-accepted", (e) -> user.equals(e.key())
				&& e.body().path("supplementVersions").toString().contains(key))).hasSize(1);
		JsonNode later = operator().get("/api/v1/terms/compliance?size=500").json();
		assertThat(item(later, user) == null || !missingKeys(item(later, user)).contains(key)).isTrue();
	}

	/** Until each partner's approval is processed: its acceptance at application is then on record. */
	private void awaitKnown(String... partnerIds) {
		for (String partnerId : partnerIds) {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				ApiClient.Response mine = partnerAdmin(partnerId).get("/api/v1/terms/acceptances/me");
				return mine.status() == 200 && !mine.json().path("items").isEmpty();
			});
		}
	}

	private static JsonNode item(JsonNode report, String partnerId) {
		for (JsonNode item : report.path("items")) {
			if (partnerId.equals(item.path("partnerId").asString())) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode supplementReport(JsonNode report, String key) {
		for (JsonNode supplement : report.path("supplements")) {
			if (key.equals(supplement.path("key").asString())) {
				return supplement;
			}
		}
		throw new AssertionError("no supplement " + key + " in " + report.path("supplements"));
	}

	private static List<String> missingKeys(JsonNode item) {
		return item.path("missing").findValuesAsString("key");
	}

	private static List<String> partnerIds(JsonNode report, String missingVersion) {
		List<String> ids = new ArrayList<>();
		report.path("items").forEach((item) -> {
			if (missingKeys(item).contains(missingVersion)) {
				ids.add(item.path("partnerId").asString());
			}
		});
		return ids;
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
