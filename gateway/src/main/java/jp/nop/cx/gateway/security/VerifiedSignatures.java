package jp.nop.cx.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;

/**
 * Remembers which (key, signed content, signature) triples were verified, so a partner's token
 * costs one RSA verification, not one per request: under load the RSA check of every request was
 * the gateway's largest single cost (JFR, docs/benchmarks.md). Only the signature check is
 * remembered: the key is still selected from the current JWKS for every request (a removed key
 * refuses its tokens at once), and expiry, issuer and revocation are still validated every time.
 * The entry is keyed by a SHA-256 over key, content and signature, so a signature never vouches
 * for any other content or key.
 */
final class VerifiedSignatures implements JWSVerifierFactory {

	private final JWSVerifierFactory delegate;

	private final Cache<String, Boolean> verified;

	VerifiedSignatures(long maximumSize, Duration idleExpiry) {
		this(new DefaultJWSVerifierFactory(), maximumSize, idleExpiry);
	}

	VerifiedSignatures(JWSVerifierFactory delegate, long maximumSize, Duration idleExpiry) {
		this.delegate = delegate;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idleExpiry).build();
	}

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
		return new RememberingVerifier(key);
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return this.delegate.supportedJWSAlgorithms();
	}

	@Override
	public JCAContext getJCAContext() {
		return this.delegate.getJCAContext();
	}

	/** The verifier of one key: the cache first, the real check (created only then) otherwise. */
	private final class RememberingVerifier implements JWSVerifier {

		private final Key key;

		RememberingVerifier(Key key) {
			this.key = key;
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
			String fingerprint = fingerprint(header, signingInput, signature);
			if (verified.getIfPresent(fingerprint) != null) {
				return true;
			}
			boolean valid = delegate.createJWSVerifier(header, this.key).verify(header, signingInput, signature);
			if (valid) {
				verified.put(fingerprint, Boolean.TRUE);
			}
			return valid;
		}

		private String fingerprint(JWSHeader header, byte[] signingInput, Base64URL signature) {
			try {
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				sha256.update(header.getAlgorithm().getName().getBytes(StandardCharsets.US_ASCII));
				sha256.update((byte) 0);
				byte[] encodedKey = this.key.getEncoded();
				if (encodedKey != null) {
					sha256.update(encodedKey);
				}
				sha256.update((byte) 0);
				sha256.update(signingInput);
				sha256.update((byte) 0);
				sha256.update(signature.toString().getBytes(StandardCharsets.US_ASCII));
				return Base64.getEncoder().encodeToString(sha256.digest());
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every JDK", ex);
			}
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return delegate.supportedJWSAlgorithms();
		}

		@Override
		public JCAContext getJCAContext() {
			return delegate.getJCAContext();
		}
	}
}
