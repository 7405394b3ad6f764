package jp.nop.cx.localstack.demo;

import java.util.random.RandomGenerator;

/**
 * Japanese corporate numbers (法人番号): a check digit followed by a 12-digit base. National Tax Agency
 * rule: check digit = 9 − (Σ_{n=1..12} P_n × Q_n mod 9), where P_n is the n-th digit of the base
 * counted from its right end and Q_n is 1 for odd n, 2 for even n.
 */
public final class CorporateNumber {

	private CorporateNumber() {
	}

	/** The check digit for a 12-digit base. */
	public static int checkDigit(String base) {
		if (base == null || !base.matches("\\d{12}")) {
			throw new IllegalArgumentException("the base must be exactly 12 digits: " + base);
		}
		int sum = 0;
		for (int n = 1; n <= 12; n++) {
			int digit = base.charAt(12 - n) - '0';
			sum += digit * ((n % 2 == 1) ? 1 : 2);
		}
		return 9 - (sum % 9);
	}

	public static boolean isValid(String number) {
		return number != null && number.matches("\\d{13}")
				&& number.charAt(0) - '0' == checkDigit(number.substring(1));
	}

	/** A random valid 13-digit corporate number. */
	public static String random(RandomGenerator random) {
		StringBuilder base = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			base.append((char) ('0' + random.nextInt(10)));
		}
		return checkDigit(base.toString()) + base.toString();
	}

}
