package jp.nop.cx.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jp.nop.cx.registration.partner.CorporateNumber;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.MutableClock;
import jp.nop.cx.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context of this module's integration tests: the whole service on a random
 * port, the JVM's shared broker and Mongo-wire store, a clock the tests move, and stand-ins for
 * the services the backup export asks. Subclasses add nothing to the context.
 */
@CxIntegrationTest(properties = { "cx.registration.termination.sweep-interval=200ms",
		"cx.registration.export.timeout=1s", "cx.registration.export.retry-after=30s" })
@Import(RegistrationIntegrationTest.TestClock.class)
abstract class RegistrationIntegrationTest {

	static final FakeServices SERVICES = FakeServices.start("identity", "terms", "enforcement", "notification");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoTemplate mongo;

	@DynamicPropertySource
	static void exportTargets(DynamicPropertyRegistry registry) {
		for (String name : SERVICES.names()) {
			registry.add("cx.registration.export.services." + name + ".url", () -> SERVICES.get(name).url());
		}
	}

	@AfterEach
	void backToRealTime() {
		this.clock.reset();
		SERVICES.reset();
	}

	ApiClient anonymous() {
		return ApiClient.at(this.port);
	}

	ApiClient operator() {
		return ApiClient.at(this.port).as(TestTokens.operator());
	}

	ApiClient partnerAdmin(String partnerId) {
		return ApiClient.at(this.port).as(TestTokens.partnerAdmin(partnerId));
	}

	ApiClient partnerMember(String partnerId) {
		return ApiClient.at(this.port).as(TestTokens.partnerMember(partnerId));
	}

	/** A valid corporate number no other test uses. */
	static String newCorporateNumber() {
		StringBuilder base = new StringBuilder();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 12; i++) {
			base.append(random.nextInt(10));
		}
		return CorporateNumber.withBase(base.toString()).value();
	}

	/** An application as a Japanese company fills it in, for the seed terms version. */
	static Map<String, Object> application(String corporateNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("company", new LinkedHashMap<>(Map.of("name", "株式会社テスト商事", "corporateNumber", corporateNumber,
				"postalCode", "100-0001", "address", "東京都千代田区千代田1-1 テストビル3階")));
		body.put("representative", Map.of("name", "山田 太郎", "title", "代表取締役"));
		body.put("contact", Map.of("name", "佐藤 花子", "email", "sato@example.co.jp", "phone", "03-1234-5678"));
		body.put("preferredLanguage", "ja");
		body.put("agreement", Map.of("termsVersion", "1", "accepted", true));
		return body;
	}

	/** Applies and returns the application ID. */
	String apply(String corporateNumber) {
		ApiClient.Response created = anonymous().post("/api/v1/registrations", application(corporateNumber));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("id");
	}

	/** Applies, has an operator approve, and returns the partner ID. */
	String approvedPartner() {
		return approve(apply(newCorporateNumber()));
	}

	String approve(String applicationId) {
		ApiClient.Response approved = operator().post("/api/v1/registrations/" + applicationId + "/approval", "{}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		return approved.text("partnerId");
	}

	/** The stored document of a partner, as the Mongo-wire store holds it. */
	Document storedPartner(String partnerId) {
		return this.mongo.findOne(Query.query(Criteria.where("partnerId").is(partnerId)), Document.class, "partners");
	}

	long storedWithCorporateNumber(String corporateNumber) {
		return this.mongo.count(Query.query(Criteria.where("company.corporateNumber").is(corporateNumber)),
				"partners");
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
