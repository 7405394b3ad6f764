package jp.nop.cx.registration.partner;

import java.util.Locale;

import jp.nop.cx.platform.validation.TextRules;

/**
 * An e-mail address where notices (Art. 16.2, 12.2) can reach the partner: after NFKC (which
 * turns a full-width {@code ＠} into {@code @}) a plain mailbox by the platform's rule
 * ({@link TextRules#isMailbox}) with a dot in its domain. The domain is kept in lower case.
 */
public final class EmailAddress {

	private EmailAddress() {
	}

	public static boolean isValid(String text) {
		String normalized = Nfkc.of(text);
		return normalized != null && TextRules.isMailbox(normalized)
				&& normalized.indexOf('.', normalized.indexOf('@')) > 0;
	}

	public static String normalize(String text) {
		String normalized = Nfkc.of(text);
		int at = normalized.lastIndexOf('@');
		return normalized.substring(0, at) + normalized.substring(at).toLowerCase(Locale.ROOT);
	}
}
