package jp.nop.cx.notification.webhook;

/** The URL is not one a webhook can have (scheme, shape, length). */
public class InvalidWebhookUrlException extends RuntimeException {

	public InvalidWebhookUrlException(String reason) {
		super(reason);
	}
}
