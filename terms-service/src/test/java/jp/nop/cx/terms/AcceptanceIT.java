package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.terms.acceptance.AcceptanceService;
import jp.nop.cx.terms.acceptance.Recorded;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Acceptance of the terms: at application (Art. 3), in the portal, and deemed by use (Art. 2.2, 16.3). */
class AcceptanceIT extends TermsServiceIntegrationTest {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private AcceptanceService acceptances;

	@Test
	void theFirstUseIsDeemedAcceptanceRecordedOnceThoughActivityArrivesConcurrentlyAndTwice() throws Exception {
		String partnerId = newPartnerId();
		String current = anonymous().get("/api/v1/terms/current").text("version");
		Instant usedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<String> eventIds = new ArrayList<>();
		List<Callable<Void>> deliveries = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			// Several gateway instances, several of the partner's IDs, all using the portal at once.
			String eventId = UUID.randomUUID().toString();
			PartnerActivity activity = new PartnerActivity(partnerId,
					(i % 2 == 0) ? "admin-" + partnerId : "member-" + partnerId, Capability.TERMS, "GET", "203.0.113." + i,
					"Mozilla/5.0", usedAt.plusMillis(i));
			eventIds.add(eventId);
			deliveries.add(() -> {
				deliver(activity, eventId);
				return null;
			});
			if (i == 0) {
				// ... and Kafka delivers the first of them twice.
				deliveries.add(() -> {
					deliver(activity, eventId);
					return null;
				});
			}
		}
		runConcurrently(deliveries);
		awaitProcessed("onPartnerActivity", eventIds);

		JsonNode items = partnerAdmin(partnerId).get("/api/v1/terms/acceptances/me").json().path("items");
		assertThat(items).hasSize(1);
		JsonNode acceptance = items.get(0);
		assertThat(acceptance.path("version").asString()).isEqualTo(current);
		assertThat(acceptance.path("method").asString()).isEqualTo("DEEMED_BY_USE");
		assertThat(acceptance.path("loginId").asString()).isIn("admin-" + partnerId, "member-" + partnerId);
		assertThat(acceptance.path("clientIp").asString()).startsWith("203.0.113.");
		assertThat(acceptance.path("sha256").asString())
			.isEqualTo(anonymous().get("/api/v1/terms/current").text("sha256"));

		TopicProbe.Event accepted = TopicProbe.await("terms-accepted", (e) -> partnerId.equals(e.key()));
		assertThat(accepted.ceType()).isEqualTo(EventType.TERMS_ACCEPTED.ceType());
		assertThat(accepted.body().path("method").asString()).isEqualTo("DEEMED_BY_USE");
		assertThat(accepted.body().path("version").asString()).isEqualTo(current);
		assertThat(TopicProbe.all("terms-accepted", (e) -> partnerId.equals(e.key()))).hasSize(1);
	}

	@Test
	void consumersRacingOnTheSameFirstUseRecordOneAcceptance() throws Exception {
		// Several consumer instances handling distinct activity events of one partner at the same moment.
		String partnerId = newPartnerId();
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> racers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			PartnerActivity activity = new PartnerActivity(partnerId, "member-" + i + "-" + partnerId, Capability.TERMS,
					"POST", "203.0.113.9", "Mozilla/5.0", Instant.now());
			racers.add(() -> {
				start.await();
				return this.acceptances.recordDeemedByUse(activity).map(Recorded::changed).orElse(false);
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(racers.size());
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			racers.forEach((r) -> results.add(pool.submit(r)));
			start.countDown();
			long recorded = 0;
			for (Future<Boolean> result : results) {
				recorded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(recorded).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(partnerAdmin(partnerId).get("/api/v1/terms/acceptances/me").json().path("items")).hasSize(1);
		TopicProbe.await("terms-accepted", (e) -> partnerId.equals(e.key()));
		assertThat(TopicProbe.all("terms-accepted", (e) -> partnerId.equals(e.key()))).hasSize(1);
	}

	@Test
	void theAgreementInTheApplicationIsTheExplicitAcceptanceAndLaterUseAddsNothing() {
		String partnerId = newPartnerId();
		String applicationId = "app-" + UUID.randomUUID();
		ApiClient.Response current = anonymous().get("/api/v1/terms/current");
		String version = current.text("version");
		Instant agreedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
		deliver(new RegistrationSubmitted(applicationId, "株式会社テスト商事", "1234567890123", "山田 太郎",
				"taro@example.co.jp", "ja", version, agreedAt, "198.51.100.23", "Mozilla/5.0 (申込フォーム)", agreedAt));
		PartnerApproved approved = new PartnerApproved(partnerId, applicationId, "株式会社テスト商事", "1234567890123",
				"山田 太郎", "taro@example.co.jp", "ja", version, agreedAt, "operator", Instant.now());
		String approvalId = UUID.randomUUID().toString();
		deliver(approved, approvalId);

		JsonNode acceptance = await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode items = partnerAdmin(partnerId).get("/api/v1/terms/acceptances/me").json().path("items");
			return items.size() == 1 && !items.get(0).path("clientIp").isNull() ? items.get(0) : null;
		}, (found) -> found != null);
		assertThat(acceptance.path("method").asString()).isEqualTo("EXPLICIT");
		assertThat(acceptance.path("version").asString()).isEqualTo(version);
		assertThat(acceptance.path("loginId").isNull()).isTrue();
		assertThat(Instant.parse(acceptance.path("acceptedAt").asString())).isEqualTo(agreedAt);
		assertThat(acceptance.path("applicationId").asString()).isEqualTo(applicationId);
		assertThat(acceptance.path("clientIp").asString()).isEqualTo("198.51.100.23");
		assertThat(acceptance.path("sha256").asString()).isEqualTo(current.text("sha256"));

		// The approval delivered again, and the partner's first use: the acceptance is recorded already.
		String redelivery = UUID.randomUUID().toString();
		String use = UUID.randomUUID().toString();
		deliver(approved, approvalId);
		deliver(approved, redelivery);
		deliver(new PartnerActivity(partnerId, "admin-" + partnerId, Capability.REGISTRATION, "GET", "203.0.113.1",
				"Mozilla/5.0", Instant.now()), use);
		awaitProcessed("onPartnerApproved", List.of(approvalId, redelivery));
		awaitProcessed("onPartnerActivity", List.of(use));

		JsonNode items = partnerAdmin(partnerId).get("/api/v1/terms/acceptances/me").json().path("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).path("method").asString()).isEqualTo("EXPLICIT");
		TopicProbe.await("terms-accepted", (e) -> partnerId.equals(e.key()));
		assertThat(TopicProbe.all("terms-accepted", (e) -> partnerId.equals(e.key()))).singleElement()
			.satisfies((event) -> {
				assertThat(event.body().path("method").asString()).isEqualTo("EXPLICIT");
				assertThat(event.body().path("loginId").isNull()).isTrue();
			});
	}

	@Test
	void aPartnerAcceptsExplicitlyInThePortalOnceWithWhoAndWhereFrom() {
		String partnerId = newPartnerId();
		String current = anonymous().get("/api/v1/terms/current").text("version");
		ApiClient portal = partnerAdmin(partnerId).header("X-Forwarded-For", "203.0.113.50")
			.header("User-Agent", "CX-Portal-Test/1.0");

		ApiClient.Response accepted = portal.post("/api/v1/terms/acceptances", Map.of("version", current));

		assertThat(accepted.status()).as(shown(accepted)).isEqualTo(201);
		assertThat(accepted.text("method")).isEqualTo("EXPLICIT");
		assertThat(accepted.text("loginId")).isEqualTo("admin-" + partnerId);
		assertThat(accepted.text("clientIp")).isEqualTo("203.0.113.50");
		assertThat(accepted.text("userAgent")).isEqualTo("CX-Portal-Test/1.0");

		ApiClient.Response again = portal.post("/api/v1/terms/acceptances", Map.of("version", current));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("acceptedAt")).isEqualTo(accepted.text("acceptedAt"));

		TopicProbe.Event event = TopicProbe.await("terms-accepted", (e) -> partnerId.equals(e.key()));
		assertThat(event.ceType()).isEqualTo("jp.nop.cx.terms.accepted.v1");
		assertThat(event.body().path("loginId").asString()).isEqualTo("admin-" + partnerId);
		assertThat(event.body().path("clientIp").asString()).isEqualTo("203.0.113.50");
	}

	@Test
	void onlyAVersionInForceOrScheduledCanBeAcceptedAndARefusalRecordsNothing() {
		Instant epoch = freshEpoch();
		String superseded = newVersion("H");
		String inForce = newVersion("I");
		this.clock.set(epoch.minus(Duration.ofHours(1)));
		assertThat(publish(version(superseded, epoch, "旧本文\n")).status()).isEqualTo(201);
		assertThat(publish(version(inForce, epoch.plus(Duration.ofDays(1)), "新本文\n")).status()).isEqualTo(201);
		this.clock.set(epoch.plus(Duration.ofDays(2)));
		String partnerId = newPartnerId();
		ApiClient portal = partnerAdmin(partnerId);

		ApiClient.Response stale = portal.post("/api/v1/terms/acceptances", Map.of("version", superseded));
		PublicationBadInputIT.assertProblem(stale, 422, "terms-version-superseded");
		assertThat(stale.text("current")).isEqualTo(inForce);
		PublicationBadInputIT.assertProblem(portal.post("/api/v1/terms/acceptances", Map.of("version", "no-such")),
				422, "unknown-terms-version");
		PublicationBadInputIT.assertProblem(portal.post("/api/v1/terms/acceptances",
				Map.of("version", inForce, "supplementVersions", List.of("webhooks:no-such"))), 422,
				"unknown-supplement-version");
		PublicationBadInputIT.assertProblem(portal.post("/api/v1/terms/acceptances",
				Map.of("version", inForce, "supplementVersions", List.of("billing:1"))), 422, "unknown-scope");
		assertThat(portal.get("/api/v1/terms/acceptances/me").json().path("items")).isEmpty();

		assertThat(portal.post("/api/v1/terms/acceptances", Map.of("version", inForce)).status()).isEqualTo(201);
	}

	@Test
	void theStoreItselfRefusesASecondAcceptanceOfOneVersionByOnePartner() {
		// The guarantee behind "exactly once" is the unique index, not the code that reads first.
		String partnerId = newPartnerId();
		String version = newVersion("probe");
		this.mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("partnerId", partnerId)
			.append("version", version), "terms_acceptances");

		assertThatThrownBy(() -> this.mongo.insert(new Document("_id", UUID.randomUUID().toString())
			.append("partnerId", partnerId)
			.append("version", version), "terms_acceptances")).isInstanceOf(DuplicateKeyException.class);
		this.mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("partnerId", partnerId)
			.append("version", version + "-next"), "terms_acceptances");
	}

	private void awaitProcessed(String consumer, List<String> eventIds) {
		List<String> distinct = eventIds.stream().distinct().toList();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.count(
					Query.query(Criteria.where("consumer").is(consumer).and("eventId").in(distinct)),
					"processed_events") == distinct.size());
	}

	private static <T> void runConcurrently(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (Future<T> done : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
