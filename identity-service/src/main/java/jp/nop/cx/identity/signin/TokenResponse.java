package jp.nop.cx.identity.signin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a sign-in or refresh (RFC 6749 section 5.1 in camelCase, as SPEC names it).
 *
 * @param expiresIn seconds the access token is valid
 * @param refreshExpiresIn seconds the refresh token is valid
 * @param restrictedTo {@code mfa-enrolment} for a token good only for enrolling a second factor
 * (ADR 0018); absent otherwise
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
		long refreshExpiresIn, @JsonInclude(JsonInclude.Include.NON_NULL) String restrictedTo) {

	@Override
	public String toString() {
		return "TokenResponse[****]";
	}
}
