package jp.nop.cx.registration.partner;

import java.util.regex.Pattern;

/**
 * The 13-digit Japanese corporate number (法人番号) of the National Tax Agency: a check digit
 * followed by a 12-digit base. The check digit is {@code 9 - (Σ Pn × Qn mod 9)}, where Pn is the
 * n-th digit of the base counted from its right end and Qn is 1 for odd n and 2 for even n.
 * Like any mod-9 check it cannot see a 0 written as 9 (or back): both change the sum by a
 * multiple of 9.
 */
public record CorporateNumber(String value) {

	private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");

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
		String digits = Nfkc.of(text);
		if (digits == null || !THIRTEEN_DIGITS.matcher(digits).matches()) {
			return false;
		}
		return digits.charAt(0) - '0' == checkDigitOf(digits.substring(1));
	}

	/** What was typed, in the form numbers are compared in (NFKC, trimmed), valid or not. */
	public static String normalize(String text) {
		return Nfkc.of(text);
	}

	/** The check digit of a 12-digit base (1 to 9; never 0). */
	public static int checkDigitOf(String base) {
		if (base == null || base.length() != 12 || !base.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("The base of a corporate number has 12 digits: " + base);
		}
		int sum = 0;
		for (int n = 1; n <= 12; n++) {
			int digit = base.charAt(12 - n) - '0';
			sum += digit * ((n % 2 == 1) ? 1 : 2);
		}
		return 9 - (sum % 9);
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
