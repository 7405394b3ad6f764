package jp.nop.cx.identity.credential;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Login IDs NOP hands out (Art. 4.1): readable, unguessable enough, and not the e-mail address,
 * so an address in a mail archive does not name an account: {@code cx-} and 8 lowercase letters
 * or digits (36^8, about 2.8e12).
 */
public final class LoginIds {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private LoginIds() {
	}

	public static String next() {
		StringBuilder id = new StringBuilder("cx-");
		for (int i = 0; i < 8; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	/** Login IDs compare without regard to case or surrounding blanks. */
	public static String normalize(String loginId) {
		return (loginId != null) ? loginId.strip().toLowerCase(Locale.ROOT) : "";
	}
}
