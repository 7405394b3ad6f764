package jp.nop.cx.registration.partner;

import java.text.Normalizer;
import java.util.Locale;

/**
 * NFKC normalisation of what people type: full-width digits and letters become ASCII,
 * half-width katakana become full-width, so the same value typed two ways compares equal.
 */
final class Nfkc {

	private Nfkc() {
	}

	static String of(String text) {
		return (text != null) ? Normalizer.normalize(text, Normalizer.Form.NFKC).strip() : null;
	}

	/** The comparison form of a name: NFKC, case-folded, runs of white space as one space. */
	static String searchKey(String text) {
		String normalized = of(text);
		return (normalized != null) ? normalized.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") : null;
	}
}
