package jp.nop.cx.notification.webhook;

/** The URL's host does not resolve, so it can be neither checked nor called. */
public class UnresolvableWebhookHostException extends RuntimeException {

	public UnresolvableWebhookHostException(String host) {
		super("host does not resolve: " + host);
	}
}
