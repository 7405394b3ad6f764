package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 1.2, 1.3: supplementary terms per capability, part of the terms and prevailing over them. */
class SupplementsIT extends TermsServiceIntegrationTest {

	@Test
	void aSupplementInForceIsPartOfTheEffectiveTermsOfItsScopeAndPrevails() {
		Instant epoch = freshEpoch();
		String version = newVersion("W");
		this.clock.set(epoch.minus(Duration.ofHours(1)));
		ApiClient.Response published = publish(supplement("webhooks", version, epoch,
				"第1条（送信先）\nWebhook の送信先は、パートナーが管理するURLに限ります。\n"));
		assertThat(published.status()).as(shown(published)).isEqualTo(201);
		assertThat(published.header("Location")).isEqualTo("/api/v1/terms/supplements/webhooks/versions/" + version);
		assertThat(published.text("status")).isEqualTo("SCHEDULED");

		this.clock.set(epoch);
		ApiClient.Response effective = anonymous().get("/api/v1/terms/effective?scope=webhooks");

		assertThat(effective.status()).as(shown(effective)).isEqualTo(200);
		assertThat(effective.json().path("base").path("version").asString())
			.isEqualTo(anonymous().get("/api/v1/terms/current").text("version"));
		assertThat(effective.json().path("supplements")).singleElement().satisfies((s) -> {
			assertThat(s.path("scope").asString()).isEqualTo("webhooks");
			assertThat(s.path("version").asString()).isEqualTo(version);
			assertThat(s.path("prevailing").asBoolean()).isTrue();
			assertThat(s.path("body").asString()).contains("パートナーが管理するURLに限ります");
		});
		assertThat(effective.json().path("precedence").path("article").asString()).isEqualTo("第1条第3項");
		assertThat(effective.json().path("precedence").path("statement").asString()).contains("優先");
		assertThat(anonymous().header("Accept-Language", "en")
			.get("/api/v1/terms/effective?scope=webhooks")
			.json()
			.path("precedence")
			.path("statement")
			.asString()).contains("prevail");

		// Another capability is not governed by it; all capabilities together are.
		assertThat(anonymous().get("/api/v1/terms/effective?scope=export").json().path("supplements").toString())
			.doesNotContain(version);
		assertThat(anonymous().get("/api/v1/terms/effective").json().path("supplements").toString()).contains(version);
		assertThat(anonymous().get("/api/v1/terms/supplements?scope=webhooks").json().path("current").path("webhooks")
			.asString()).isEqualTo(version);
		assertThat(anonymous().get("/api/v1/terms/supplements/webhooks/versions/" + version).text("status"))
			.isEqualTo("CURRENT");
		PublicationBadInputIT.assertProblem(anonymous().get("/api/v1/terms/effective?scope=billing"), 422,
				"unknown-scope");
	}

	@Test
	void aPublishedSupplementIsImmutableAndAnnouncedKeyedByItsScope() {
		Instant epoch = freshEpoch();
		String version = newVersion("X");
		assertThat(publish(supplement("export", version, epoch, "エクスポートは自社のバックアップに限ります。\n")).status())
			.isEqualTo(201);
		ApiClient.Response again = publish(supplement("export", version, epoch, "差し替え\n"));

		PublicationBadInputIT.assertProblem(again, 409, "supplement-version-exists");
		assertThat(anonymous().get("/api/v1/terms/supplements/export/versions/" + version).text("body"))
			.isEqualTo("エクスポートは自社のバックアップに限ります。\n");
		TopicProbe.Event event = TopicProbe.await("terms-changed",
				(e) -> version.equals(e.body().path("version").asString()));
		assertThat(event.key()).isEqualTo("supplement:export");
		assertThat(event.body().path("kind").asString()).isEqualTo("SUPPLEMENT");
		assertThat(event.body().path("scope").asString()).isEqualTo("export");
		// Versions are per scope: the same name under another scope is another document.
		assertThat(publish(supplement("webhooks", version, epoch, "別の別途規約\n")).status()).isEqualTo(201);
	}

	@Test
	void usingACapabilityAcceptsItsSupplementsAndANewSupplementOnItsFirstUseAfterTakingEffect() {
		Instant epoch = freshEpoch();
		String first = newVersion("Y");
		String revised = newVersion("Z");
		this.clock.set(epoch.minus(Duration.ofHours(1)));
		assertThat(publish(supplement("webhooks", first, epoch, "第1条\n初版\n")).status()).isEqualTo(201);
		assertThat(publish(supplement("webhooks", revised, epoch.plus(Duration.ofDays(1)), "第1条\n改定版\n")).status())
			.isEqualTo(201);
		String partnerId = newPartnerId();

		deliver(new PartnerActivity(partnerId, "admin-" + partnerId, Capability.WEBHOOKS, "PUT", "203.0.113.5", "Mozilla/5.0",
				epoch.plus(Duration.ofMinutes(1))));
		JsonNode acceptance = awaitAcceptance(partnerId, 1);
		assertThat(acceptance.path("method").asString()).isEqualTo("DEEMED_BY_USE");
		assertThat(acceptance.path("supplementVersions").toString()).isEqualTo("[\"webhooks:" + first + "\"]");

		// Same terms version in force, but the supplement changed: its first use accepts the new one.
		deliver(new PartnerActivity(partnerId, "admin-" + partnerId, Capability.WEBHOOKS, "PUT", "203.0.113.5", "Mozilla/5.0",
				epoch.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1))));
		JsonNode extended = awaitAcceptance(partnerId, 2);
		assertThat(extended.path("supplementVersions").toString())
			.isEqualTo("[\"webhooks:" + first + "\",\"webhooks:" + revised + "\"]");
		assertThat(extended.path("supplements").path(1).path("sha256").asString())
			.isEqualTo(anonymous().get("/api/v1/terms/supplements/webhooks/versions/" + revised).text("sha256"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TopicProbe.all("terms-accepted", (e) -> partnerId.equals(e.key())).size() == 2);
		List<TopicProbe.Event> events = TopicProbe.all("terms-accepted", (e) -> partnerId.equals(e.key()));
		assertThat(events.get(1).body().path("supplementVersions").toString()).isEqualTo("[\"webhooks:" + revised + "\"]");
	}

	/** The partner's single acceptance once it covers {@code supplements} supplements. */
	private JsonNode awaitAcceptance(String partnerId, int supplements) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode items = partnerAdmin(partnerId).get("/api/v1/terms/acceptances/me").json().path("items");
			return (items.size() == 1 && items.get(0).path("supplementVersions").size() == supplements)
					? items.get(0) : null;
		}, (found) -> found != null);
	}
}
