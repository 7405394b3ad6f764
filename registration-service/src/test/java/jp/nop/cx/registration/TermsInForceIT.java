package jp.nop.cx.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.events.EventType;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Preamble, Art. 3, 16.1: an applicant accepts the version in force, which this service learns
 * from {@code terms-changed}. Versions published here take effect years ahead, so the tests that
 * do not move the clock keep applying under the seed version 1.
 */
class TermsInForceIT extends RegistrationIntegrationTest {

	@Test
	void anApplicantWhoDoesNotAcceptIsToldTheVersionInForceAndNothingIsStored() {
		String number = newCorporateNumber();
		Map<String, Object> body = application(number);
		body.put("agreement", Map.of("termsVersion", "1", "accepted", false));
		ApiClient.Response refused = anonymous().post("/api/v1/registrations", body);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/terms-not-accepted");
		assertThat(refused.text("currentTermsVersion")).isEqualTo("1");
		assertThat(refused.text("title")).isEqualTo("利用規約に同意されていません");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("agreement.accepted");
		assertThat(storedWithCorporateNumber(number)).isZero();
	}

	@Test
	void aVersionTakesEffectAtItsTimeAndThenOnlyItIsAccepted() {
		Instant effectiveFrom = this.clock.instant().plus(Duration.ofDays(3650));
		String version = "2-" + UUID.randomUUID();
		publish(UUID.randomUUID().toString(), base(version, effectiveFrom));
		awaitKnown(version);

		ApiClient.Response early = anonymous().post("/api/v1/registrations", accepting(version));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.text("type")).endsWith("/terms-version-not-in-force");
		assertThat(early.text("currentTermsVersion")).isEqualTo("1");
		assertThat(anonymous().post("/api/v1/registrations", accepting("1")).status()).isEqualTo(201);

		this.clock.set(effectiveFrom);
		ApiClient.Response stale = anonymous().header("Accept-Language", "en")
			.post("/api/v1/registrations", accepting("1"));
		assertThat(stale.status()).isEqualTo(422);
		assertThat(stale.text("currentTermsVersion")).isEqualTo(version);
		assertThat(stale.text("detail")).contains("version " + version);
		assertThat(anonymous().post("/api/v1/registrations", accepting(version)).status()).isEqualTo(201);
	}

	@Test
	void aRedeliveredTermsChangedIsHarmless() {
		Instant effectiveFrom = this.clock.instant().plus(Duration.ofDays(4000));
		String version = "3-" + UUID.randomUUID();
		String ceId = UUID.randomUUID().toString();
		publish(ceId, base(version, effectiveFrom));
		publish(ceId, base(version, effectiveFrom));
		awaitKnown(version);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is("onTermsChanged:" + ceId)),
					"processed_events"));

		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(version)), "terms_versions")).isEqualTo(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("eventId").is(ceId)), "processed_events")).isEqualTo(1);
		this.clock.set(effectiveFrom.plusSeconds(1));
		assertThat(anonymous().post("/api/v1/registrations", accepting(version)).status()).isEqualTo(201);
	}

	@Test
	void supplementaryTermsDoNotChangeTheVersionApplicantsAccept() {
		String ceId = UUID.randomUUID().toString();
		String supplement = "webhooks-" + UUID.randomUUID();
		publish(ceId, new TermsChanged("SUPPLEMENT", "webhooks", supplement, Instant.parse("2020-01-01T00:00:00Z"),
				"Webhook 利用規約", "新設", "0".repeat(64), "ja", Instant.parse("2020-01-01T00:00:00Z")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is("onTermsChanged:" + ceId)),
					"processed_events"));

		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is(supplement)), "terms_versions")).isFalse();
		assertThat(anonymous().post("/api/v1/registrations", accepting("1")).status()).isEqualTo(201);
		assertThat(anonymous().post("/api/v1/registrations", accepting(supplement)).status()).isEqualTo(422);
	}

	private static Map<String, Object> accepting(String version) {
		Map<String, Object> body = application(newCorporateNumber());
		body.put("agreement", Map.of("termsVersion", version, "accepted", true));
		return body;
	}

	private static TermsChanged base(String version, Instant effectiveFrom) {
		return new TermsChanged("BASE", null, version, effectiveFrom, "NOP CX ポータル利用規約", "第16条の表現を明確化",
				"f".repeat(64), "ja", Instant.now());
	}

	private static void publish(String ceId, TermsChanged event) {
		TopicProbe.publish("terms-changed", event.partitionKey(), ceId, EventType.TERMS_CHANGED.ceType(), event);
	}

	private void awaitKnown(String version) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(version)), "terms_versions"));
	}
}
