package jp.nop.cx.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.MutableClock;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of every integration test of enforcement-service: the whole service on a random port
 * against the shared broker and Mongo-wire store, one Spring context for all, a clock the tests
 * move, and the steps most tests start with.
 */
@CxIntegrationTest(properties = { "cx.enforcement.cases.lift-interval=200ms",
		"cx.enforcement.service-status.transition-interval=200ms" })
@Import(EnforcementIT.TestClock.class)
public abstract class EnforcementIT {

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected MongoTemplate mongo;

	@BeforeEach
	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	protected ApiClient operator() {
		return ApiClient.at(this.port).as(TestTokens.operator());
	}

	protected ApiClient partnerAdmin(String partnerId) {
		return ApiClient.at(this.port).as(TestTokens.partnerAdmin(partnerId));
	}

	protected ApiClient partnerMember(String partnerId) {
		return ApiClient.at(this.port).as(TestTokens.partnerMember(partnerId));
	}

	protected ApiClient anonymous() {
		return ApiClient.at(this.port);
	}

	/** A partner registration-service approved, once this service has taken note of it. */
	protected String approvedPartner() {
		String partnerId = "p-" + UUID.randomUUID();
		Instant now = Instant.now();
		TopicProbe.publish(EventType.PARTNER_APPROVED.topic(), partnerId, UUID.randomUUID().toString(),
				EventType.PARTNER_APPROVED.ceType(),
				new PartnerApproved(partnerId, "app-" + partnerId, "株式会社テスト商事", "1234567890123", "山田 太郎",
						"taro@example.co.jp", "ja", "1", now, "operator", now));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> operator().get("/api/v1/enforcement/partners/" + partnerId + "/standing").status() == 200);
		return partnerId;
	}

	/** Opens a TERMS_VIOLATION case and returns its ID. */
	protected String openCase(String partnerId) {
		ApiClient.Response created = operator().post("/api/v1/enforcement/cases",
				Map.of("partnerId", partnerId, "category", "TERMS_VIOLATION", "description", "利用規約第7条第1項第1号に該当する行為の報告",
						"evidence", "アクセスログ抜粋 2026-04-01T10:00:00+09:00"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("id");
	}

	protected ApiClient.Response impose(String caseId, Map<String, ?> measure) {
		return operator().post("/api/v1/enforcement/cases/" + caseId + "/measures", measure);
	}

	/** The next partner-standing published for the partner that satisfies {@code status}. */
	protected TopicProbe.Event awaitStanding(String partnerId, String status) {
		return TopicProbe.await(EventType.PARTNER_STANDING.topic(),
				(e) -> partnerId.equals(e.key()) && status.equals(e.body().path("status").asString()));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return MutableClock.startingNow();
		}
	}
}
