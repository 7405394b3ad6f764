package jp.nop.cx.identity.signin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.key.KeyRing;
import jp.nop.cx.platform.security.RevocationValidator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How this service verifies the tokens it issued: in process, against the same stored keys the
 * JWKS publishes (never over HTTP to itself). The platform's resource server uses this decoder.
 * Beyond signature, algorithm (RS256 only, so {@code alg: none} fails), issuer and expiry, the
 * token's login ID must still be active and the token of its current credential generation
 * ({@code cred_gen}): a compromised ID (Art. 4.3) is refused here at once, from the store, without
 * waiting for {@code credential-revoked}.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenVerification {

	@Bean
	JwtDecoder jwtDecoder(KeyRing keys, CredentialRepository credentials, IdentityProperties properties, Clock clock,
			ObjectProvider<OAuth2TokenValidator<Jwt>> platformValidators) {
		JWKSource<SecurityContext> source = (selector, context) -> keys.verificationKeys(selector::select);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.keys().clockSkew());
		timestamps.setClock(clock);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps,
				new JwtIssuerValidator(properties.tokens().issuer()), new ActiveCredential(credentials)));
		// The platform's, as Boot adds them to every other service's decoder (the revocation set).
		platformValidators.orderedStream().forEach(validators::add);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	/** The token's subject is an active ID that was not revoked after the token was issued. */
	static final class ActiveCredential implements OAuth2TokenValidator<Jwt> {

		private static final OAuth2Error INACTIVE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
				"The login ID of this token is not active", null);

		private final CredentialRepository credentials;

		ActiveCredential(CredentialRepository credentials) {
			this.credentials = credentials;
		}

		@Override
		public OAuth2TokenValidatorResult validate(Jwt jwt) {
			if (jwt.getSubject() == null || jwt.getIssuedAt() == null) {
				return OAuth2TokenValidatorResult.failure(INACTIVE);
			}
			Credential credential = this.credentials.findById(jwt.getSubject()).orElse(null);
			Object generation = jwt.getClaims().get(RevocationValidator.GENERATION_CLAIM);
			Long tokenGeneration = (generation instanceof Number number) ? number.longValue() : null;
			return (credential != null && credential.acceptsToken(tokenGeneration, jwt.getIssuedAt()))
					? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(INACTIVE);
		}
	}
}
