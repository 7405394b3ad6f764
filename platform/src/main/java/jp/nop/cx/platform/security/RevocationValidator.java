package jp.nop.cx.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Art. 4.3: refuses a token whose login ID was revoked after the token was signed. Spring Boot adds
 * every {@code OAuth2TokenValidator<Jwt>} bean to the JWT decoder of the servlet services and of
 * the reactive gateway alike, so a revoked token fails authentication (401) like an expired one.
 */
public class RevocationValidator implements OAuth2TokenValidator<Jwt> {

	/** The credential generation identity-service signs into every access token. */
	public static final String GENERATION_CLAIM = "cred_gen";

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token was revoked", null);

	private final RevokedCredentials revoked;

	public RevocationValidator(RevokedCredentials revoked) {
		this.revoked = revoked;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Object generation = token.getClaims().get(GENERATION_CLAIM);
		Long tokenGeneration = (generation instanceof Number number) ? number.longValue() : null;
		return this.revoked.isRevoked(token.getSubject(), tokenGeneration, token.getIssuedAt())
				? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
	}
}
