package jp.nop.cx.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.platform.secret.SealedSecrets;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.MutableClock;
import jp.nop.cx.test.TopicProbe;
import org.awaitility.Awaitility;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test of identity-service: the whole service on a random port against
 * the shared broker and Mongo-wire store, with a clock the tests move. One Spring context for
 * all. Partners are made the way production makes them: {@code partner-approved} in, the
 * {@code credential-issued} link out, activation, sign-in.
 */
@CxIntegrationTest(properties = { "cx.identity.operator.login=" + IdentityIT.OPERATOR_LOGIN,
		"cx.identity.operator.password=" + IdentityIT.OPERATOR_PASSWORD,
		// Cost 4 keeps the suite fast; the cost-12 default is checked by PasswordHasherTest.
		"cx.identity.password.bcrypt-strength=4", "cx.identity.dormant.cron=-",
		"cx.identity.portal-base-url=https://portal.example.test/",
		"cx.identity.secrets.event-key=" + IdentityIT.EVENT_KEY,
		"cx.identity.secrets.key-encryption-key=" + IdentityIT.KEY_ENCRYPTION_KEY,
		// As in the local demo; RequiredOperatorMfaIT runs the default (required).
		"cx.identity.mfa.operator=optional" })
@Import(IdentityIT.TestClock.class)
public abstract class IdentityIT {

	protected static final String OPERATOR_LOGIN = "operator";

	protected static final String OPERATOR_PASSWORD = "運用担当者の合言葉-2026-Op";

	protected static final String PORTAL = "https://portal.example.test";

	/** Test keys only (32 bytes each, base64); every deployment has its own. */
	protected static final String EVENT_KEY = "dGVzdC1ldmVudC1rZXktMzItYnl0ZXMtbG9uZy0wMDA=";

	protected static final String KEY_ENCRYPTION_KEY = "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzJieXRlcyE=";

	/** What notification-service does with a {@code credential-issued}: opens the sealed token. */
	protected static final SealedSecrets NOTIFICATION_SIDE = SealedSecrets.withKey(EVENT_KEY, "test event key");

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	private MongoTemplate mongo;

	@AfterEach
	void backToRealTime() {
		this.clock.reset();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return MutableClock.startingNow();
		}
	}

	protected ApiClient api() {
		return ApiClient.at(this.port);
	}

	protected ApiClient as(String accessToken) {
		return api().as(accessToken);
	}

	/**
	 * A sign-in from a client address of its own, so the per-client rate limit (tested on its own)
	 * does not interfere with the rest of the suite.
	 */
	protected ApiClient.Response signInResponse(String loginId, String password) {
		return api().header("X-Forwarded-For", newClientAddress())
			.post("/api/v1/auth/token", Map.of("loginId", loginId, "password", password));
	}

	/** A sign-in from the given client address (as the gateway forwards it). */
	protected ApiClient.Response signInFrom(String clientAddress, String loginId, String password) {
		return api().header("X-Forwarded-For", clientAddress)
			.post("/api/v1/auth/token", Map.of("loginId", loginId, "password", password));
	}

	protected Tokens signIn(String loginId, String password) {
		ApiClient.Response response = signInResponse(loginId, password);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return new Tokens(response.text("accessToken"), response.text("refreshToken"));
	}

	protected String operatorToken() {
		return signIn(OPERATOR_LOGIN, OPERATOR_PASSWORD).accessToken();
	}

	/**
	 * Waits until {@code consumer} has processed the event {@code eventId} (the platform records
	 * it), so everything before it on the same partition (the same partner) was handled too.
	 */
	protected void awaitProcessed(String consumer, String eventId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(consumer + ":" + eventId)),
					"processed_events"));
	}

	/** The events on {@code topic} matching {@code match}, once nothing new has arrived for a while. */
	protected static List<TopicProbe.Event> settled(String topic, Predicate<TopicProbe.Event> match) {
		AtomicInteger previousCount = new AtomicInteger(-1);
		Awaitility.await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30)).until(() -> {
			int count = TopicProbe.all(topic, match).size();
			return previousCount.getAndSet(count) == count;
		});
		return TopicProbe.all(topic, match);
	}

	protected static String newClientAddress() {
		int n = CLIENTS.incrementAndGet();
		return "2001:db8::" + Integer.toHexString(n);
	}

	protected static String newPartnerId() {
		return "p-" + UUID.randomUUID();
	}

	/** Plays registration-service approving a partner; returns the administrator ID as issued. */
	protected Issued approvePartner(String partnerId) {
		publishApproval(partnerId, UUID.randomUUID().toString());
		return awaitIssued(partnerId, "PARTNER_APPROVED");
	}

	protected void publishApproval(String partnerId, String eventId) {
		PartnerApproved approved = new PartnerApproved(partnerId, "app-" + partnerId, "株式会社テスト商事",
				"1234567890123", "山田 花子", "hanako-" + partnerId + "@example.co.jp", "ja", "1",
				this.clock.instant(), "operator", this.clock.instant());
		TopicProbe.publish(EventType.PARTNER_APPROVED.topic(), partnerId, eventId, EventType.PARTNER_APPROVED.ceType(),
				approved);
	}

	protected Issued awaitIssued(String partnerId, String purpose) {
		TopicProbe.Event event = TopicProbe.await(EventType.CREDENTIAL_ISSUED.topic(),
				(e) -> partnerId.equals(e.key()) && purpose.equals(e.body().path("purpose").asString()));
		return Issued.of(event);
	}

	/** An approved, activated and signed-in partner administrator. */
	protected Account activeAdmin() {
		String partnerId = newPartnerId();
		Issued issued = approvePartner(partnerId);
		String password = "管理者のパスワード-" + UUID.randomUUID().toString().substring(0, 8);
		activate(issued.activationToken(), password);
		return new Account(partnerId, issued.loginId(), password, signIn(issued.loginId(), password));
	}

	/** A member created by {@code admin}, activated and signed in. */
	protected Account activeMember(Account admin) {
		ApiClient.Response created = as(admin.tokens().accessToken()).post("/api/v1/identity/members",
				Map.of("email", "member-" + UUID.randomUUID() + "@example.co.jp", "name", "佐藤 一郎"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String loginId = created.text("loginId");
		Issued issued = Issued.of(TopicProbe.await(EventType.CREDENTIAL_ISSUED.topic(),
				(e) -> loginId.equals(e.body().path("loginId").asString())));
		String password = "メンバーのパスワード-" + UUID.randomUUID().toString().substring(0, 8);
		activate(issued.activationToken(), password);
		return new Account(admin.partnerId(), loginId, password, signIn(loginId, password));
	}

	protected void activate(String activationToken, String password) {
		ApiClient.Response activated = api().post("/api/v1/auth/activation",
				Map.of("token", activationToken, "newPassword", password));
		assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
	}

	protected record Tokens(String accessToken, String refreshToken) {
	}

	protected record Account(String partnerId, String loginId, String password, Tokens tokens) {

		public String accessToken() {
			return this.tokens.accessToken();
		}
	}

	/** What a {@code credential-issued} event told the holder (through the mail notification-service writes). */
	protected record Issued(String partnerId, String loginId, String role, String purpose, String email,
			String activationLink, Instant activationExpiresAt, Instant issuedAt) {

		public static Issued of(TopicProbe.Event event) {
			var body = event.body();
			String loginId = body.path("loginId").asString();
			String token = NOTIFICATION_SIDE.open(body.path("sealedActivationToken").asString(), loginId);
			// Art. 4.1, SPEC section 3: the raw token never rests in a Kafka record.
			assertThat(body.toString()).doesNotContain(token);
			assertThat(event.headers().toString()).doesNotContain(token);
			String link = body.path("activationUrl").asString() + "?token=" + token;
			return new Issued(body.path("partnerId").asString(), loginId, body.path("role").asString(),
					body.path("purpose").asString(), body.path("email").asString(), link,
					Instant.parse(body.path("activationExpiresAt").asString()),
					Instant.parse(body.path("issuedAt").asString()));
		}

		public String activationToken() {
			return this.activationLink.substring(this.activationLink.indexOf("token=") + "token=".length());
		}
	}
}
