package jp.nop.cx.identity.key;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.IdentitySecrets;
import jp.nop.cx.test.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keys are stored and shared, rotate without breaking valid tokens, and a superseded key is
 * published until every token it signed has expired.
 */
class KeyRotationIT extends IdentityIT {

	@Autowired
	KeyRing keys;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SigningKeyRepository repository;

	@Autowired
	IdentityProperties properties;

	@Autowired
	IdentitySecrets secrets;

	@Test
	void rotationPublishesBothKeysUntilTheOldTokensHaveExpired() throws Exception {
		Account admin = activeAdmin();
		String operator = operatorToken();
		String oldKid = SignedJWT.parse(admin.accessToken()).getHeader().getKeyID();

		ApiClient.Response rotated = as(operator).post("/api/v1/identity/keys/rotation", null);
		assertThat(rotated.status()).isEqualTo(200);
		String newKid = rotated.text("activeKeyId");
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(kids(api().get("/api/v1/auth/jwks"))).startsWith(newKid).contains(oldKid);

		// Tokens signed before keep working; new ones carry the new kid.
		assertThat(as(admin.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(200);
		Tokens fresh = signIn(admin.loginId(), admin.password());
		assertThat(SignedJWT.parse(fresh.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);

		// Token lifetime + cache refresh + clock skew later, no token of the old key is valid any more.
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(30).plusSeconds(60));
		assertThat(kids(api().get("/api/v1/auth/jwks"))).containsExactly(newKid);
		assertThat(this.keys.pruneRetired()).isGreaterThanOrEqualTo(1);
		assertThat(this.mongo.findById(oldKid, Document.class, "signing_keys")).isNull();
	}

	@Test
	void keysLiveInTheDatabaseSoEveryInstanceSignsWithTheSameOne() throws Exception {
		Account admin = activeAdmin();
		String kid = SignedJWT.parse(admin.accessToken()).getHeader().getKeyID();
		Document stored = this.mongo.findById(kid, Document.class, "signing_keys");
		assertThat(stored).isNotNull();
		assertThat(stored.getLong("generation")).isPositive();
		assertThat(stored.getString("sealedPrivateKey")).startsWith("v1.");
		assertThat(stored).doesNotContainKey("privateKey");
	}

	@Test
	void anotherInstanceSignsWithTheSameKeyAndNoGenerationExistsTwice() {
		KeyRing otherInstance = new KeyRing(this.repository, this.properties, this.clock, this.secrets);
		assertThat(otherInstance.signingKey().getKeyID()).isEqualTo(this.keys.signingKey().getKeyID());

		long generation = this.repository.findAllByOrderByGenerationDesc().get(0).generation();
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.repository.insert(SigningKey.generate(generation, this.clock.instant(), this.secrets.atRest())));
	}

	@Test
	void scheduledRotationReplacesAKeyOlderThanTheRotationPeriod() {
		String before = this.keys.signingKey().getKeyID();
		assertThat(this.keys.rotateIfDue()).isFalse();
		// The active key was made 91 days ago (the rotation period is 90 days).
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(before)),
				new Update().set("createdAt", this.clock.instant().minus(Duration.ofDays(91))), "signing_keys");
		assertThat(this.keys.rotateIfDue()).isTrue();
		assertThat(this.keys.signingKey().getKeyID()).isNotEqualTo(before);
		assertThat(this.keys.rotateIfDue()).isFalse();
	}

	@Test
	void onlyOperatorsRotate() {
		Account admin = activeAdmin();
		assertThat(as(admin.accessToken()).post("/api/v1/identity/keys/rotation", null).status()).isEqualTo(403);
		assertThat(api().post("/api/v1/identity/keys/rotation", null).status()).isEqualTo(401);
		assertThat(as(operatorToken()).get("/api/v1/identity/keys").status()).isEqualTo(200);
	}

	private static List<String> kids(ApiClient.Response jwks) {
		List<String> kids = new ArrayList<>();
		jwks.json().path("keys").forEach((k) -> kids.add(k.path("kid").asString()));
		return kids;
	}
}
