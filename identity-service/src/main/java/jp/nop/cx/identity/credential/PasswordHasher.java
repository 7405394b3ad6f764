package jp.nop.cx.identity.credential;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import jp.nop.cx.identity.IdentityProperties;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes through Spring Security's delegating encoder ({@code {bcrypt}} prefix, so
 * the algorithm can change later without invalidating stored hashes), cost 12 by default.
 * <p>
 * {@link #verify} always performs exactly one bcrypt comparison, also when there is no hash to
 * compare with (unknown or not yet activated ID), so the answer time does not tell whether an
 * ID exists.
 */
@Component
public class PasswordHasher {

	private static final String ID = "bcrypt";

	private final PasswordEncoder encoder;

	private final String dummyInput;

	private final String dummyHash;

	public PasswordHasher(IdentityProperties properties) {
		this.encoder = new DelegatingPasswordEncoder(ID,
				Map.of(ID, new BCryptPasswordEncoder(properties.password().bcryptStrength())));
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.dummyInput = Base64.getEncoder().encodeToString(random);
		this.dummyHash = this.encoder.encode(this.dummyInput);
	}

	public String hash(String rawPassword) {
		return this.encoder.encode(rawPassword);
	}

	/** Whether {@code rawPassword} matches {@code storedHash}; false (after the same work) if there is none. */
	public boolean verify(String rawPassword, String storedHash) {
		if (storedHash == null || rawPassword == null
				|| rawPassword.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
			this.encoder.matches(this.dummyInput, this.dummyHash);
			return false;
		}
		return this.encoder.matches(rawPassword, storedHash);
	}

	/** Whether a hash was made with a lower cost than configured now. */
	public boolean needsRehash(String storedHash) {
		return storedHash != null && this.encoder.upgradeEncoding(storedHash);
	}
}
