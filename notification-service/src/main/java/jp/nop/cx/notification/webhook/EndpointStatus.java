package jp.nop.cx.notification.webhook;

/** Whether a webhook endpoint is called. */
public enum EndpointStatus {

	ACTIVE,

	/** The receiver answered 410 Gone: no more calls until the partner registers a URL again. */
	DISABLED
}
