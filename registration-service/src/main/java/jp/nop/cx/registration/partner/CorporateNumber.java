package jp.nop.cx.registration.partner;

import jp.nop.cx.events.CorporateNumberCheckDigit;

/**
 * The 13-digit Japanese corporate number (法人番号) of the National Tax Agency: a check digit
 * followed by a 12-digit base, as an applicant types it (full-width digits accepted). The check
 * digit itself is {@link CorporateNumberCheckDigit}, shared with the local demo.
 */
public record CorporateNumber(String value) {

	public CorporateNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a corporate number: " + value);
		}
	}

	/** Parses what an applicant typed: full-width digits are accepted (NFKC). */
	public static CorporateNumber of(String text) {
		return new CorporateNumber(Nfkc.of(text));
	}

	/** Whether {@code text}, after NFKC, is 13 digits with a correct check digit. */
	public static boolean isValid(String text) {
		return CorporateNumberCheckDigit.matches(Nfkc.of(text));
	}

	/** What was typed, in the form numbers are compared in (NFKC, trimmed), valid or not. */
	public static String normalize(String text) {
		return Nfkc.of(text);
	}

	/** The check digit of a 12-digit base (1 to 9; never 0). */
	public static int checkDigitOf(String base) {
		return CorporateNumberCheckDigit.of(base);
	}

	/** The corporate number with the given 12-digit base. */
	public static CorporateNumber withBase(String base) {
		return new CorporateNumber(checkDigitOf(base) + base);
	}

	@Override
	public String toString() {
		return this.value;
	}
}
