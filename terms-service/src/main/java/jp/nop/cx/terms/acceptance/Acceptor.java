package jp.nop.cx.terms.acceptance;

import jp.nop.cx.platform.client.ClientAddressResolver;

/**
 * Who accepted, and from where: the partner, the login ID that acted for it (Art. 4.2: acts by a
 * partner's ID are the partner's own; none for an applicant, who has no ID yet), the client's
 * address and user agent, and the application the acceptance was part of, if any.
 */
public record Acceptor(String partnerId, String loginId, String clientIp, String userAgent, String applicationId) {

	public Acceptor {
		if (partnerId == null || partnerId.isBlank()) {
			throw new IllegalArgumentException("An acceptance is always a partner's");
		}
		// Also those that came in events: bounded so no client can bloat the evidence.
		userAgent = ClientAddressResolver.userAgent(userAgent);
	}

	/** A user of the portal acting for their partner. */
	public static Acceptor user(String partnerId, String loginId, String clientIp, String userAgent) {
		return new Acceptor(partnerId, loginId, clientIp, userAgent, null);
	}

	/** The applicant who agreed in the application form (Art. 3), before any ID existed. */
	public static Acceptor applicant(String partnerId, String applicationId, String clientIp, String userAgent) {
		return new Acceptor(partnerId, null, clientIp, userAgent, applicationId);
	}
}
