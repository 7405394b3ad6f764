package jp.nop.cx.platform.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret with AES-256-GCM under a key from configuration, for secrets that must rest
 * somewhere readable by more than their owner: an activation token inside a Kafka record that
 * only notification-service may open, a signing key or TOTP secret in a database that alone must
 * not be enough. The associated data binds a sealed value to what it belongs to (a login ID, a
 * key ID), so it cannot be moved to another record.
 *
 * <p>Format: {@code v1.} + base64url(12-byte IV ‖ ciphertext ‖ 16-byte tag).
 */
public final class SealedSecrets {

	private static final String PREFIX = "v1.";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	private SealedSecrets(SecretKey key) {
		this.key = key;
	}

	/**
	 * @param base64Key 32 random bytes, base64 (standard or URL alphabet), e.g. from
	 * {@code openssl rand -base64 32}
	 * @param setting the name of the setting, for the message when it is missing or malformed
	 */
	public static SealedSecrets withKey(String base64Key, String setting) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalStateException(setting + " is not set: it must hold 32 random bytes in base64"
					+ " (e.g. the output of `openssl rand -base64 32`)");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.strip().replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " is not valid base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(setting + " must decode to 32 bytes (AES-256), not " + bytes.length);
		}
		return new SealedSecrets(new SecretKeySpec(bytes, "AES"));
	}

	/** A fresh random key in the form {@link #withKey} reads, e.g. for the local stack's first start. */
	public static String newKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	public String seal(byte[] secret, String boundTo) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, boundTo);
			byte[] sealed = cipher.doFinal(secret);
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	public String seal(String secret, String boundTo) {
		return seal(secret.getBytes(StandardCharsets.UTF_8), boundTo);
	}

	/**
	 * Opens what {@link #seal} made with the same key and {@code boundTo}.
	 * @throws SecretNotOpened for another key, other associated data or altered bytes
	 */
	public byte[] openBytes(String sealed, String boundTo) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new SecretNotOpened("not a sealed value", null);
		}
		byte[] in;
		try {
			in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new SecretNotOpened("not a sealed value", ex);
		}
		if (in.length < IV_BYTES + TAG_BITS / 8) {
			throw new SecretNotOpened("too short", null);
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, IV_BYTES), boundTo);
			return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new SecretNotOpened("wrong key, or the value was altered or moved", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new SecretNotOpened(ex.getMessage(), ex);
		}
	}

	public String open(String sealed, String boundTo) {
		return new String(openBytes(sealed, boundTo), StandardCharsets.UTF_8);
	}

	private Cipher cipher(int mode, byte[] iv, String boundTo) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	@Override
	public String toString() {
		return "SealedSecrets[AES-256-GCM, key ****]";
	}

	/** A sealed value that this key cannot open. */
	public static final class SecretNotOpened extends RuntimeException {

		SecretNotOpened(String reason, Throwable cause) {
			super("Sealed secret not opened: " + reason, cause);
		}
	}
}
