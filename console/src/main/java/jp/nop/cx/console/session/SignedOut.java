package jp.nop.cx.console.session;

/**
 * The platform no longer accepts the session's tokens (revoked after a loss report, expired,
 * the ID deleted): the console session ends at once.
 */
public class SignedOut extends RuntimeException {

	public SignedOut(String reason) {
		super(reason);
	}

}
