package jp.nop.cx.localstack.demo;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorporateNumberTest {

	@Test
	void knownNumbersAreValid() {
		// National Tax Agency (国税庁): 7000012050002. Worked by hand: digits of 000012050002 from
		// the right are 2,0,0,0,5,0,2,1,0,0,0,0; weights 1,2,1,2,…; sum 2+5+2+2 = 11; 9 - 11 mod 9 = 7.
		assertThat(CorporateNumber.checkDigit("000012050002")).isEqualTo(7);
		assertThat(CorporateNumber.isValid("7000012050002")).isTrue();
		// 8000012010038: 8·1 + 3·2 + 1·1 + 2·1 + 1·2 = 19; 9 - 19 mod 9 = 8.
		assertThat(CorporateNumber.isValid("8000012010038")).isTrue();
		// 4000012090001: 1·1 + 9·1 + 2·1 + 1·2 = 14; 9 - 14 mod 9 = 4.
		assertThat(CorporateNumber.isValid("4000012090001")).isTrue();
		assertThat(CorporateNumber.isValid("5000012090001")).isFalse();
	}

	@Test
	void checkDigitFollowsTheRuleDigitByDigit() {
		// Only P1 (rightmost, weight 1) set: 9 - 1 = 8. Only P2 (weight 2): 9 - 2 = 7.
		assertThat(CorporateNumber.checkDigit("000000000001")).isEqualTo(8);
		assertThat(CorporateNumber.checkDigit("000000000010")).isEqualTo(7);
		// Sum a multiple of 9 gives 9; zero gives 9 as well.
		assertThat(CorporateNumber.checkDigit("000000000000")).isEqualTo(9);
		assertThat(CorporateNumber.checkDigit("000000000009")).isEqualTo(9);
	}

	@Test
	void generatedNumbersAreValidAndAMutatedDigitIsNot() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 1000; i++) {
			String number = CorporateNumber.random(random);
			assertThat(number).hasSize(13).containsOnlyDigits();
			assertThat(CorporateNumber.isValid(number)).isTrue();
			int position = 1 + random.nextInt(12);
			int original = number.charAt(position) - '0';
			int changed;
			do {
				changed = random.nextInt(10);
			}
			while (changed == original || Math.abs(changed - original) == 9);
			String mutated = number.substring(0, position) + changed + number.substring(position + 1);
			// Changing one base digit by d (0 < |d| < 9) changes the sum by d or 2d, never by a
			// multiple of 9, so the check digit no longer fits. (0 ↔ 9 is the rule's blind spot.)
			assertThat(CorporateNumber.isValid(mutated)).as(number + " → " + mutated).isFalse();
		}
	}

	@Test
	void rejectsMalformedInput() {
		assertThat(CorporateNumber.isValid("700001205000")).isFalse();
		assertThat(CorporateNumber.isValid("70000120500a2")).isFalse();
		assertThat(CorporateNumber.isValid(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CorporateNumber.checkDigit("123"));
	}

}
