package jp.nop.cx.gateway.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Art. 4.3: refuses a token of a login ID revoked after the token was issued. Spring Boot adds
 * every {@code OAuth2TokenValidator<Jwt>} bean to the JWT decoder's validators, so a revoked
 * token fails authentication (401) like an expired one, on the very next request after the
 * {@code credential-revoked} event was consumed.
 */
class RevocationValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token was revoked", null);

	private final Revocations revocations;

	RevocationValidator(Revocations revocations) {
		this.revocations = revocations;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		return this.revocations.isRevoked(token.getSubject(), token.getIssuedAt())
				? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
	}
}
