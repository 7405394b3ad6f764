package jp.nop.cx.platform.security;

import java.util.Map;

/**
 * Tokens good only for enrolling a second factor (ADR 0018): where operators must have TOTP
 * ({@code CX_OPERATOR_MFA=required}), an operator without it signs in with its password to a
 * token that carries {@value #CLAIM}{@code : }{@value #MFA_ENROLMENT} and no role. The gateway and
 * every service refuse such a token everywhere but on the enrolment endpoints, with 403
 * {@value #PROBLEM}. One list, read by the servlet services' filter and the gateway's alike.
 */
public final class EnrolmentOnlyTokens {

	/** The claim naming what the token is restricted to. */
	public static final String CLAIM = "restricted_to";

	/** Its one value: the token may only enrol a second factor. */
	public static final String MFA_ENROLMENT = "mfa-enrolment";

	/** The problem code of a refusal. */
	public static final String PROBLEM = "mfa-enrolment-required";

	private static final String ME = "/api/v1/identity/me";

	private EnrolmentOnlyTokens() {
	}

	/** Whether a token with these claims is an enrolment-only token. */
	public static boolean isRestricted(Map<String, Object> claims) {
		return claims != null && claims.containsKey(CLAIM);
	}

	/**
	 * What an enrolment-only token may do: read the own ID (the console learns whom it signed in),
	 * start and confirm the enrolment. Any other restriction value allows nothing.
	 */
	public static boolean allows(Map<String, Object> claims, String method, String path) {
		if (!MFA_ENROLMENT.equals(claims.get(CLAIM))) {
			return false;
		}
		return ("GET".equals(method) && ME.equals(path)) || ("POST".equals(method)
				&& ((ME + "/mfa").equals(path) || (ME + "/mfa/confirmation").equals(path)));
	}
}
