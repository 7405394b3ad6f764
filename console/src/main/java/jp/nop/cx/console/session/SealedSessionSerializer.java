package jp.nop.cx.console.session;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Writes every session value to Redis sealed with AES-256-GCM (Spring Security's
 * {@link AesBytesEncryptor}, a fresh 12-byte IV each time) under {@code CX_CONSOLE_SESSION_KEY}:
 * the access and refresh tokens a person's session holds never rest in Redis in clear, and a value
 * altered there fails its tag instead of being deserialized.
 *
 * <p>A value this key cannot open (another key, altered bytes) reads as {@link #UNREADABLE}, and
 * {@link SharedSessions} ends such a session: its owner signs in again rather than meeting an
 * error page.
 */
final class SealedSessionSerializer implements RedisSerializer<Object> {

	/** What a value reads as when this key cannot open it. */
	enum Unreadable {

		UNREADABLE

	}

	static final Unreadable UNREADABLE = Unreadable.UNREADABLE;

	private static final byte[] NOTHING = new byte[0];

	private final RedisSerializer<Object> plain;

	private final BytesEncryptor sealer;

	SealedSessionSerializer(SecretKey key, ClassLoader classLoader) {
		this.plain = new JdkSerializationRedisSerializer(classLoader);
		this.sealer = new AesBytesEncryptor(key, KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	/**
	 * @param base64 32 random bytes in base64, as {@code ./cx up} generates them (or
	 * {@code openssl rand -base64 32})
	 * @param setting the setting's name, for the message when it is missing or malformed
	 */
	static SecretKey key(String base64, String setting) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(setting + " is not set: with CX_REDIS_URL the console seals its sessions "
					+ "in Redis with it; it must hold 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " is not valid base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(setting + " must decode to 32 bytes (AES-256), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	@Override
	public byte[] serialize(Object value) {
		// A removed attribute is written as nothing, as Spring Session's own serializer does.
		return (value == null) ? NOTHING : this.sealer.encrypt(this.plain.serialize(value));
	}

	@Override
	public Object deserialize(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		byte[] opened;
		try {
			opened = this.sealer.decrypt(bytes);
		}
		catch (RuntimeException ex) {
			return UNREADABLE;
		}
		return this.plain.deserialize(opened);
	}

	@Override
	public String toString() {
		return "SealedSessionSerializer[AES-256-GCM, key ****]";
	}

}
