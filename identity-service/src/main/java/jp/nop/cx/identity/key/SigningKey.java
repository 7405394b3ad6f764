package jp.nop.cx.identity.key;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jp.nop.cx.platform.secret.SealedSecrets;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RSA 2048 key that signs access tokens (RS256). Keys form generations: the newest is the
 * active one; the unique generation number lets exactly one instance create each generation,
 * so several instances starting or rotating at once still agree on one active key.
 * <p>
 * The private key is stored in the service's own database so every instance signs with the same
 * key, sealed (AES-256-GCM, bound to the key ID) with the key-encryption key from configuration
 * ({@code CX_KEY_ENCRYPTION_KEY}): a copy of the database alone mints nothing. Production would
 * rather keep it in a KMS and store only a reference here (README).
 *
 * @param keyId the JWK {@code kid}: the RFC 7638 thumbprint of the public key
 * @param generation 1 for the first key, +1 per rotation
 * @param publicKey X.509 SubjectPublicKeyInfo, base64
 * @param privateKey PKCS#8, base64, in the clear: only in documents written before keys were
 * sealed; {@link KeyRing} seals such a key when it first reads it
 * @param sealedPrivateKey PKCS#8, sealed with the key-encryption key
 * @param createdAt when it was generated, which is also when it superseded its predecessor
 */
@Document("signing_keys")
public record SigningKey(@Id String keyId, @Indexed(unique = true) long generation, String publicKey,
		String privateKey, String sealedPrivateKey, Instant createdAt) {

	private static final int KEY_SIZE = 2048;

	public static SigningKey generate(long generation, Instant now, SealedSecrets keyEncryption) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE);
			KeyPair pair = generator.generateKeyPair();
			RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyIDFromThumbprint().build();
			return new SigningKey(jwk.getKeyID(), generation,
					Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), null,
					keyEncryption.seal(pair.getPrivate().getEncoded(), jwk.getKeyID()), now);
		}
		catch (NoSuchAlgorithmException | JOSEException ex) {
			throw new IllegalStateException("RSA key generation is not available", ex);
		}
	}

	/** Whether this document still holds its private key in the clear. */
	public boolean isPlain() {
		return this.privateKey != null;
	}

	/** The same key with its private half sealed and the clear copy dropped. */
	public SigningKey sealed(SealedSecrets keyEncryption) {
		if (!isPlain()) {
			return this;
		}
		return new SigningKey(this.keyId, this.generation, this.publicKey, null,
				keyEncryption.seal(Base64.getDecoder().decode(this.privateKey), this.keyId), this.createdAt);
	}

	/** The public half, as published in the JWKS. */
	public RSAKey publicJwk() {
		return builder().build();
	}

	/** Both halves, for signing. */
	public RSAKey signingJwk(SealedSecrets keyEncryption) {
		byte[] pkcs8;
		try {
			pkcs8 = isPlain() ? Base64.getDecoder().decode(this.privateKey)
					: keyEncryption.openBytes(this.sealedPrivateKey, this.keyId);
		}
		catch (SealedSecrets.SecretNotOpened ex) {
			throw new IllegalStateException("The stored signing key " + this.keyId + " cannot be opened with the"
					+ " configured CX_KEY_ENCRYPTION_KEY (cx.identity.secrets.key-encryption-key): it was sealed with"
					+ " another key. Start with the key-encryption key the keys were sealed with.", ex);
		}
		try {
			RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return builder().privateKey(key).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Stored private key " + this.keyId + " cannot be read", ex);
		}
	}

	private RSAKey.Builder builder() {
		try {
			RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(this.publicKey)));
			return new RSAKey.Builder(key).keyID(this.keyId).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE);
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Stored public key " + this.keyId + " cannot be read", ex);
		}
	}

	@Override
	public String toString() {
		return "SigningKey[" + this.keyId + ", generation " + this.generation + ", created " + this.createdAt + "]";
	}
}
