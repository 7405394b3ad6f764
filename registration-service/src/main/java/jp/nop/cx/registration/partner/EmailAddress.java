package jp.nop.cx.registration.partner;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address where notices (Art. 16.2, 12.2) can reach the partner: a local part, one
 * {@code @} and a domain with a dot. NFKC turns a full-width {@code ＠} into {@code @}; the
 * domain is kept in lower case.
 */
public final class EmailAddress {

	private static final Pattern FORM = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private EmailAddress() {
	}

	public static boolean isValid(String text) {
		String normalized = Nfkc.of(text);
		return normalized != null && normalized.length() <= 254 && FORM.matcher(normalized).matches();
	}

	public static String normalize(String text) {
		String normalized = Nfkc.of(text);
		int at = normalized.lastIndexOf('@');
		return normalized.substring(0, at) + normalized.substring(at).toLowerCase(Locale.ROOT);
	}
}
