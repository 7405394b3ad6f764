package jp.nop.cx.notification.policy;

/** How a notice reaches its recipient. */
public enum Channel {

	/** SMTP mail, multipart text and HTML. */
	EMAIL,

	/** The partner's in-portal inbox ({@code GET /api/v1/notifications/me}). */
	INBOX,

	/** The partner's registered webhook endpoint, signed in the Standard Webhooks manner. */
	WEBHOOK
}
