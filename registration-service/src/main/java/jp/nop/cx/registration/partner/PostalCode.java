package jp.nop.cx.registration.partner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese postal code, kept as {@code NNN-NNNN}. Typed input may use full-width digits and
 * any of the dashes a Japanese keyboard produces, or omit the dash.
 */
public final class PostalCode {

	private static final Pattern FORM = Pattern.compile("(\\d{3})-?(\\d{4})");

	/** Hyphen-like characters NFKC leaves alone: minus sign, dashes, katakana prolonged sound mark. */
	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF70]");

	private PostalCode() {
	}

	public static boolean isValid(String text) {
		return text != null && FORM.matcher(dashes(Nfkc.of(text))).matches();
	}

	/** The canonical {@code NNN-NNNN} form. */
	public static String normalize(String text) {
		Matcher matcher = FORM.matcher(dashes(Nfkc.of(text)));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a postal code: " + text);
		}
		return matcher.group(1) + "-" + matcher.group(2);
	}

	private static String dashes(String text) {
		return (text != null) ? DASHES.matcher(text).replaceAll("-") : "";
	}
}
