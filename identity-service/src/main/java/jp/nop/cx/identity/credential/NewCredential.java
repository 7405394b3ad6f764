package jp.nop.cx.identity.credential;

/**
 * What to issue: a partner ID for {@code email}, sent an activation link.
 *
 * @param issueKey what it is issued for, unique; issuing the same key again returns the first ID
 */
public record NewCredential(String partnerId, Role role, String email, String name, String preferredLanguage,
		IssuePurpose purpose, String issueKey) {

	/** Art. 4.1: the administrator ID of an approved partner (one per approval). */
	public static NewCredential administratorOnApproval(String partnerId, String email, String name,
			String preferredLanguage) {
		return new NewCredential(partnerId, Role.PARTNER_ADMIN, email, name, preferredLanguage,
				IssuePurpose.PARTNER_APPROVED, IssuePurpose.PARTNER_APPROVED + ":" + partnerId);
	}

	/** Art. 17: the transferee's administrator ID (one per transfer). */
	public static NewCredential administratorOnTransfer(String partnerId, String transferId, String email,
			String name, String preferredLanguage) {
		return new NewCredential(partnerId, Role.PARTNER_ADMIN, email, name, preferredLanguage,
				IssuePurpose.TRANSFER, IssuePurpose.TRANSFER + ":" + partnerId + ":" + transferId);
	}

	/** Art. 4.2: a member ID the administrator asked for, keyed by that request. */
	public static NewCredential member(String partnerId, String email, String name, String preferredLanguage,
			String requestId) {
		return new NewCredential(partnerId, Role.PARTNER_MEMBER, email, name, preferredLanguage,
				IssuePurpose.MEMBER_CREATED, IssuePurpose.MEMBER_CREATED + ":" + requestId);
	}
}
