package jp.nop.cx.registration.partner;

import java.util.regex.Pattern;

/**
 * A Japanese telephone number as people write it: {@code 03-1234-5678}, {@code 090-1234-5678},
 * {@code 0120-123-456}, {@code (03) 1234 5678} or international {@code +81 3-1234-5678}.
 * What counts is the national number: ten digits starting with 0 (fixed lines, 0120, 0570), or
 * eleven for IP and mobile phones and free dial (050, 070, 080, 090, 0800).
 */
public final class PhoneNumber {

	private static final Pattern TYPED = Pattern.compile("\\+?[0-9()\\- ]{10,20}");

	private static final Pattern NATIONAL = Pattern.compile("0[1-9]\\d{8}|0[5789]0\\d{8}");

	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFF70]");

	private PhoneNumber() {
	}

	public static boolean isValid(String text) {
		String typed = normalize(text);
		if (typed == null || !TYPED.matcher(typed).matches()) {
			return false;
		}
		String digits = typed.replaceAll("[^0-9+]", "");
		if (digits.startsWith("+81")) {
			// International form; a trunk prefix written as "+81 (0)3" is dropped too.
			digits = "0" + digits.substring(3).replaceFirst("^0", "");
		}
		return NATIONAL.matcher(digits).matches();
	}

	/** NFKC with dashes unified: the form kept in the record. */
	public static String normalize(String text) {
		String normalized = Nfkc.of(text);
		return (normalized != null) ? DASHES.matcher(normalized).replaceAll("-") : null;
	}
}
