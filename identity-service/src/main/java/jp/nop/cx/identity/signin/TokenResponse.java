package jp.nop.cx.identity.signin;

/**
 * The answer to a sign-in or refresh (RFC 6749 section 5.1 in camelCase, as SPEC names it).
 *
 * @param expiresIn seconds the access token is valid
 * @param refreshExpiresIn seconds the refresh token is valid
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
		long refreshExpiresIn) {

	@Override
	public String toString() {
		return "TokenResponse[****]";
	}
}
