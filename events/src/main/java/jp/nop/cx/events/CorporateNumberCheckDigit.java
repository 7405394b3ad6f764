package jp.nop.cx.events;

/**
 * The check digit of the 13-digit Japanese corporate number (法人番号) that registration events
 * carry: a check digit followed by a 12-digit base. National Tax Agency rule: {@code 9 - (Σ Pn × Qn
 * mod 9)}, where Pn is the n-th digit of the base counted from its right end and Qn is 1 for odd n
 * and 2 for even n. Like any mod-9 check it cannot see a 0 written as 9 (or back). Kept here, at the
 * bottom of the tree, so the registration service and the local demo compute it the same way.
 */
public final class CorporateNumberCheckDigit {

	private CorporateNumberCheckDigit() {
	}

	/** The check digit of a 12-digit base (1 to 9; never 0). */
	public static int of(String base) {
		if (base == null || base.length() != 12 || !base.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("The base of a corporate number has 12 digits: " + base);
		}
		int sum = 0;
		for (int n = 1; n <= 12; n++) {
			int digit = base.charAt(12 - n) - '0';
			sum += digit * ((n % 2 == 1) ? 1 : 2);
		}
		return 9 - (sum % 9);
	}

	/** Whether {@code digits} is 13 ASCII digits whose first is the check digit of the other twelve. */
	public static boolean matches(String digits) {
		return digits != null && digits.length() == 13 && digits.chars().allMatch((c) -> c >= '0' && c <= '9')
				&& digits.charAt(0) - '0' == of(digits.substring(1));
	}

}
