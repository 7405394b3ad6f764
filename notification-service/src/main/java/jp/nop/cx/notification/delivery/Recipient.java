package jp.nop.cx.notification.delivery;

import jp.nop.cx.notification.policy.Audience;

/**
 * One recipient of a notice, as far as it is known when the notice is recorded.
 *
 * @param key stable identity of the recipient within the event ({@code partner:<id>},
 * {@code applicant:<applicationId>}, {@code login:<loginId>}, {@code operator},
 * {@code transferor:<transferId>}); with the event and channel it makes a delivery unique
 * @param partnerId the partner the notice concerns, if any
 * @param address e-mail address; null when it is to be looked up in the projection at sending time
 * @param language {@code ja} or {@code en}; null when unknown yet
 */
public record Recipient(Audience audience, String key, String partnerId, String address, String language,
		String contactName, String companyName) {

	public static String partnerKey(String partnerId) {
		return "partner:" + partnerId;
	}
}
