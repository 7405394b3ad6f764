package jp.nop.cx.identity.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an activation link: 32 random bytes, base64url. The holder gets {@link #value()};
 * the store gets {@link #hash()} only, so a copy of the database activates nothing.
 */
public final class ActivationToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private final String hash;

	private ActivationToken(String value) {
		this.value = value;
		this.hash = hashOf(value);
	}

	public static ActivationToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new ActivationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** Hex SHA-256 of a presented token, to look it up. */
	public static String hashOf(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	public String value() {
		return this.value;
	}

	public String hash() {
		return this.hash;
	}

	@Override
	public String toString() {
		return "ActivationToken[****]";
	}
}
