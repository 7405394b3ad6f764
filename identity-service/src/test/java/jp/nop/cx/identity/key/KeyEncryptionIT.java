package jp.nop.cx.identity.key;

import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.IdentitySecrets;
import jp.nop.cx.platform.secret.SealedSecrets;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * SPEC section 3: signing keys are encrypted at rest with a key from configuration, so a read of
 * the identity database alone mints no token.
 */
class KeyEncryptionIT extends IdentityIT {

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
	void theStoredKeyDocumentHoldsNoPlainKeyMaterial() throws Exception {
		RSAKey active = this.keys.signingKey();
		String pkcs8 = Base64.getEncoder().encodeToString(active.toRSAPrivateKey().getEncoded());

		Document stored = this.mongo.getCollection("signing_keys")
			.find(new Document("_id", active.getKeyID()))
			.first();
		assertThat(stored).doesNotContainKey("privateKey");
		assertThat(stored.getString("sealedPrivateKey")).startsWith("v1.");
		// Neither the whole key nor any long stretch of it is in the document.
		assertThat(stored.toJson()).doesNotContain(pkcs8.substring(100, 160));
	}

	@Test
	void aRestartWithTheSameKeyEncryptionKeySignsWithTheSameKey() throws Exception {
		RSAKey running = this.keys.signingKey();

		KeyRing restarted = new KeyRing(this.repository, this.properties, this.clock, this.secrets);
		assertThat(restarted.signingKey().getKeyID()).isEqualTo(running.getKeyID());
		assertThat(restarted.signingKey().toRSAPrivateKey()).isEqualTo(running.toRSAPrivateKey());
	}

	@Test
	void aWrongKeyEncryptionKeyStopsTheStartNamingTheSetting() {
		this.keys.signingKey();
		IdentitySecrets wrong = new IdentitySecrets(this.secrets.eventKey(), SealedSecrets.newKey());
		KeyRing misconfigured = new KeyRing(this.repository, this.properties, this.clock, wrong);

		assertThatIllegalStateException().isThrownBy(misconfigured::afterSingletonsInstantiated)
			.withMessageContaining("CX_KEY_ENCRYPTION_KEY")
			.withMessageContaining("sealed with another key");
	}

	@Test
	void aKeyStoredInTheClearIsSealedWhenRead() throws Exception {
		// An old, no longer active generation (below every real one), so the shared key ring's
		// active key stays what the other tests expect.
		long old = -System.nanoTime();
		SigningKey generated = SigningKey.generate(old, this.clock.instant(), this.secrets.atRest());
		RSAKey jwk = generated.signingJwk(this.secrets.atRest());
		String plain = Base64.getEncoder().encodeToString(jwk.toRSAPrivateKey().getEncoded());
		// As an earlier version stored it: the private key in the clear.
		this.repository.insert(new SigningKey(generated.keyId(), old, generated.publicKey(), plain, null,
				this.clock.instant()));

		new KeyRing(this.repository, this.properties, this.clock, this.secrets).afterSingletonsInstantiated();

		Document stored = this.mongo.getCollection("signing_keys").find(new Document("_id", generated.keyId())).first();
		assertThat(stored).doesNotContainKey("privateKey");
		assertThat(stored.toJson()).doesNotContain(plain.substring(100, 160));
		SigningKey sealed = this.repository.findById(generated.keyId()).orElseThrow();
		assertThat(sealed.signingJwk(this.secrets.atRest()).toRSAPrivateKey()).isEqualTo(jwk.toRSAPrivateKey());
		this.repository.deleteById(generated.keyId());
	}
}
