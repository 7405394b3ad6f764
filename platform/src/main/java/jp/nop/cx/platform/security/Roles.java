package jp.nop.cx.platform.security;

/** The values of the JWT claim {@code roles} (SPEC section 2). */
public final class Roles {

	public static final String OPERATOR = "OPERATOR";

	public static final String PARTNER_ADMIN = "PARTNER_ADMIN";

	public static final String PARTNER_MEMBER = "PARTNER_MEMBER";

	private Roles() {
	}
}
