package jp.nop.cx.localstack.demo;

import java.util.SplittableRandom;

import jp.nop.cx.events.CorporateNumberCheckDigit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorporateNumberTest {

	@Test
	void generatedNumbersAreValidAndAMutatedDigitIsNot() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 1000; i++) {
			String number = Steps.corporateNumber(random);
			assertThat(number).hasSize(13).containsOnlyDigits();
			assertThat(CorporateNumberCheckDigit.matches(number)).isTrue();
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
			assertThat(CorporateNumberCheckDigit.matches(mutated)).as(number + " → " + mutated).isFalse();
		}
	}

}
