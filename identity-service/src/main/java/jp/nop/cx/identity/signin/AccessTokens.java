package jp.nop.cx.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.key.KeyRing;
import jp.nop.cx.platform.security.EnrolmentOnlyTokens;
import jp.nop.cx.platform.security.RevocationValidator;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens (RS256, {@code kid} of the active key) with the claims every service
 * reads: {@code sub} (login ID), {@code partner_id} (absent for operators), {@code roles}, and
 * {@code cred_gen}, the credential generation read for this token, by which the gateway and every
 * service refuse it once the ID is revoked (Art. 4.3).
 */
@Component
class AccessTokens {

	private final KeyRing keys;

	private final Clock clock;

	private final String issuer;

	private final Duration ttl;

	private volatile Signer signer;

	AccessTokens(KeyRing keys, Clock clock, IdentityProperties properties) {
		this.keys = keys;
		this.clock = clock;
		this.issuer = properties.tokens().issuer();
		this.ttl = properties.tokens().accessTokenTtl();
	}

	record AccessToken(String value, Instant issuedAt, Duration lifetime) {

		@Override
		public String toString() {
			return "AccessToken[****, issued " + this.issuedAt + "]";
		}
	}

	/**
	 * @param enrolmentOnly a token good only for enrolling a second factor (ADR 0018): no role,
	 * and the claim every service refuses elsewhere
	 */
	AccessToken issue(Credential credential, boolean enrolmentOnly) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(credential.loginId())
			.issuedAt(now)
			.expiresAt(now.plus(this.ttl))
			.id(UUID.randomUUID().toString())
			.claim("roles", enrolmentOnly ? List.of() : List.of(credential.role().name()))
			.claim(RevocationValidator.GENERATION_CLAIM, credential.generation());
		if (enrolmentOnly) {
			claims.claim(EnrolmentOnlyTokens.CLAIM, EnrolmentOnlyTokens.MFA_ENROLMENT);
		}
		if (credential.partnerId() != null) {
			claims.claim("partner_id", credential.partnerId());
		}
		Signer current = signer();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(current.keyId()).type("JWT").build();
		String value = current.encoder().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new AccessToken(value, now, this.ttl);
	}

	/** One encoder per active key, replaced when the key rotates. */
	private Signer signer() {
		RSAKey key = this.keys.signingKey();
		Signer current = this.signer;
		if (current == null || !current.keyId().equals(key.getKeyID())) {
			current = new Signer(key.getKeyID(), new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))));
			this.signer = current;
		}
		return current;
	}

	private record Signer(String keyId, NimbusJwtEncoder encoder) {
	}
}
