package jp.nop.cx.notification.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form: {@code whsec_} followed by the base64 of the
 * random key bytes. The HMAC key is the decoded bytes, not the string.
 */
public record WebhookSecret(String value) {

	static final String PREFIX = "whsec_";

	/** 32 random bytes (256 bits), above the 24 the Standard Webhooks recommendation asks for. */
	private static final int KEY_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	public WebhookSecret {
		if (value == null || !value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
		}
	}

	public static WebhookSecret generate() {
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/** The HMAC key. */
	byte[] key() {
		return Base64.getDecoder().decode(this.value.substring(PREFIX.length()));
	}

	@Override
	public String toString() {
		return "WebhookSecret[whsec_…]";
	}
}
