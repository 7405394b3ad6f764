package jp.nop.cx.identity.credential;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.platform.secret.SealedSecrets;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Art. 4.1: NOP provides the administrator ID; its holder activates it with a password. */
class IssuanceIT extends IdentityIT {

	@Autowired
	CredentialRepository credentials;

	@Autowired
	MongoTemplate mongo;

	@Test
	void approvedPartnerGetsOneAdministratorIdWithAnActivationLink() {
		String partnerId = newPartnerId();
		Issued issued = approvePartner(partnerId);

		assertThat(issued.loginId()).matches("cx-[a-z0-9]{8}");
		assertThat(issued.role()).isEqualTo("PARTNER_ADMIN");
		assertThat(issued.email()).isEqualTo("hanako-" + partnerId + "@example.co.jp");
		assertThat(issued.activationLink()).matches("https://portal\\.example\\.test/activate\\?token=[A-Za-z0-9_-]{43}");
		assertThat(Duration.between(issued.issuedAt(), issued.activationExpiresAt())).isEqualTo(Duration.ofHours(72));

		Credential stored = this.credentials.findById(issued.loginId()).orElseThrow();
		assertThat(stored.status()).isEqualTo(CredentialStatus.PENDING_ACTIVATION);
		assertThat(stored.activation().tokenHash()).isEqualTo(ActivationToken.hashOf(issued.activationToken()))
			.isNotEqualTo(issued.activationToken());
	}

	@Test
	void theRecordOnTheBrokerAndTheStoreHoldNoRawActivationToken() {
		String partnerId = newPartnerId();
		publishApproval(partnerId, UUID.randomUUID().toString());
		TopicProbe.Event event = TopicProbe.await(EventType.CREDENTIAL_ISSUED.topic(), (e) -> partnerId.equals(e.key()));
		String loginId = event.body().path("loginId").asString();
		String token = NOTIFICATION_SIDE.open(event.body().path("sealedActivationToken").asString(), loginId);

		assertThat(event.body().has("activationLink")).isFalse();
		assertThat(event.body().path("activationUrl").asString()).isEqualTo(PORTAL + "/activate");
		assertThat(event.body().toString()).doesNotContain(token);
		// Neither the credential nor what is left of its outbox entry keeps the token.
		assertThat(this.mongo.getCollection("credentials").find(new Document("_id", loginId)).first().toJson())
			.doesNotContain(token)
			.contains(ActivationToken.hashOf(token));
		// Sealed for this ID only: moved to another ID's record it opens nothing.
		assertThatThrownBy(() -> NOTIFICATION_SIDE.open(event.body().path("sealedActivationToken").asString(), "cx-other000"))
			.isInstanceOf(SealedSecrets.SecretNotOpened.class);
		activate(token, "封をした合言葉で有効化-2026");
	}

	@Test
	void redeliveredApprovalDoesNotCreateASecondAdministrator() {
		String partnerId = newPartnerId();
		String eventId = UUID.randomUUID().toString();
		publishApproval(partnerId, eventId);
		Issued first = awaitIssued(partnerId, "PARTNER_APPROVED");
		// The same event again (a redelivery), and the same approval under a new event ID.
		publishApproval(partnerId, eventId);
		String second = UUID.randomUUID().toString();
		publishApproval(partnerId, second);
		awaitProcessed("onPartnerApproved", second);

		assertThat(this.credentials.findByPartnerIdOrderByCreatedAtAsc(partnerId)).extracting(Credential::loginId)
			.containsExactly(first.loginId());
		assertThat(settled(EventType.CREDENTIAL_ISSUED.topic(), (e) -> partnerId.equals(e.key()))).hasSize(1);
	}

	@Test
	void activationSetsThePasswordOnceAndTheIdSignsIn() {
		Issued issued = approvePartner(newPartnerId());
		String password = "春の海ひねもすのたりかな-42";

		ApiClient.Response activated = api().post("/api/v1/auth/activation",
				Map.of("token", issued.activationToken(), "newPassword", password));
		assertThat(activated.status()).isEqualTo(200);
		assertThat(activated.text("loginId")).isEqualTo(issued.loginId());

		ApiClient.Response again = api().post("/api/v1/auth/activation",
				Map.of("token", issued.activationToken(), "newPassword", password + "-2"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.text("type")).isEqualTo("https://cx.nop.jp/problems/activation-invalid");

		Tokens tokens = signIn(issued.loginId(), password);
		ApiClient.Response me = as(tokens.accessToken()).get("/api/v1/identity/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("loginId")).isEqualTo(issued.loginId());
		assertThat(me.text("partnerId")).isEqualTo(issued.partnerId());
		assertThat(me.json().path("roles").get(0).asString()).isEqualTo("PARTNER_ADMIN");
		assertThat(me.text("status")).isEqualTo("ACTIVE");
		assertThat(me.text("createdAt")).isNotBlank();
		assertThat(me.text("lastUsedAt")).isNotBlank();
		assertThat(me.raw()).doesNotContain("passwordHash").doesNotContain("tokenHash");
	}

	@Test
	void passwordPolicyIsNamedPerRuleAndNothingIsStored() {
		Issued issued = approvePartner(newPartnerId());

		ApiClient.Response tooShort = api().post("/api/v1/auth/activation",
				Map.of("token", issued.activationToken(), "newPassword", "短い-pass"));
		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(tooShort.text("type")).isEqualTo("https://cx.nop.jp/problems/password-policy");
		assertThat(tooShort.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		assertThat(tooShort.json().path("errors").get(0).path("message").asString()).contains("12");

		ApiClient.Response containsId = api().header("Accept-Language", "en")
			.post("/api/v1/auth/activation", Map.of("token", issued.activationToken(), "newPassword",
					"my-" + issued.loginId().toUpperCase() + "-is-long-enough"));
		assertThat(containsId.status()).isEqualTo(422);
		assertThat(containsId.json().path("errors").get(0).path("message").asString())
			.isEqualTo("must not contain the login ID");

		assertThat(this.credentials.findById(issued.loginId()).orElseThrow().status())
			.isEqualTo(CredentialStatus.PENDING_ACTIVATION);
		activate(issued.activationToken(), "やっと決めたパスワード-ok");
	}

	@Test
	void expiredActivationLinkIsGone() {
		Issued issued = approvePartner(newPartnerId());
		this.clock.set(issued.activationExpiresAt());

		ApiClient.Response expired = api().post("/api/v1/auth/activation",
				Map.of("token", issued.activationToken(), "newPassword", "期限切れのあとで決めた-pw"));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.text("type")).isEqualTo("https://cx.nop.jp/problems/activation-expired");
	}

	@Test
	void unknownOrMalformedActivationTokensChangeNothing() {
		assertThat(api().post("/api/v1/auth/activation", Map.of("token", "bm90LWEtdG9rZW4", "newPassword",
				"どこにも届かないパスワード")).status()).isEqualTo(400);
		assertThat(api().post("/api/v1/auth/activation", "{\"token\": {\"$ne\": \"\"}, \"newPassword\": \"x\"}")
			.status()).isEqualTo(400);
		assertThat(api().post("/api/v1/auth/activation", "{\"token\": \"").status()).isEqualTo(400);
		assertThat(api().post("/api/v1/auth/activation", Map.of("newPassword", "tokenがない")).status())
			.isEqualTo(422);
	}

	@Test
	void activityFromTheGatewayMovesLastUseForward() {
		Account admin = activeAdmin();
		// Stored times keep milliseconds.
		Instant later = this.clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
		TopicProbe.publish(EventType.PARTNER_ACTIVITY.topic(), admin.partnerId(), UUID.randomUUID().toString(),
				EventType.PARTNER_ACTIVITY.ceType(),
				new PartnerActivity(admin.partnerId(), admin.loginId(), Capability.TERMS, "GET", "192.0.2.1",
						"test", later));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> later.equals(this.credentials.findById(admin.loginId()).orElseThrow().lastUsedAt()));
		ApiClient.Response me = as(admin.accessToken()).get("/api/v1/identity/me");
		assertThat(me.text("lastUsedAt")).isEqualTo(later.toString());
		assertThat(me.status()).isEqualTo(200);
	}
}
