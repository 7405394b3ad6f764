package jp.nop.cx.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its next attempt. */
	PENDING,

	/** Accepted by the SMTP server, placed in the inbox, or answered 2xx by the webhook endpoint. */
	SENT,

	/** Given up: the retry schedule ran out, or the delivery can never succeed. */
	FAILED,

	/** Not sent because its webhook endpoint is gone or disabled (410 Gone). */
	DISABLED
}
