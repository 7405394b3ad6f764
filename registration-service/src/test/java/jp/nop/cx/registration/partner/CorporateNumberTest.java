package jp.nop.cx.registration.partner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorporateNumberTest {

	@Test
	void nationalTaxAgencysOwnNumberIsValid() {
		// 国税庁's corporate number, as published by the National Tax Agency.
		assertThat(CorporateNumber.isValid("7000012050002")).isTrue();
		assertThat(CorporateNumber.checkDigitOf("000012050002")).isEqualTo(7);
	}

	@Test
	void checkDigitIsNineMinusTheWeightedSumModuloNine() {
		// 1234567890 12 read from the right: 2·1 + 1·2 + 0·1 + 9·2 + 8·1 + 7·2 + 6·1 + 5·2 + 4·1 + 3·2 + 2·1 + 1·2 = 74;
		// 74 mod 9 = 2; 9 − 2 = 7.
		assertThat(CorporateNumber.checkDigitOf("123456789012")).isEqualTo(7);
		assertThat(CorporateNumber.withBase("123456789012").value()).isEqualTo("7123456789012");
		// All zeros: the sum is 0, so the check digit is 9 (it is never 0).
		assertThat(CorporateNumber.withBase("000000000000").value()).isEqualTo("9000000000000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "7000012050002", "7123456789012", "9000000000000", "1180301018771", "4010401022860" })
	void numbersWithTheirCheckDigitAreValid(String number) {
		assertThat(CorporateNumber.isValid(number)).isTrue();
		assertThat(CorporateNumber.of(number).value()).isEqualTo(number);
	}

	@Test
	void everySingleDigitChangeIsCaughtExceptZeroWrittenAsNine() {
		String valid = "7000012050002";
		for (int position = 0; position < valid.length(); position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				char original = valid.charAt(position);
				if (digit == original) {
					continue;
				}
				String mutated = valid.substring(0, position) + digit + valid.substring(position + 1);
				boolean zeroNineSwap = position > 0 && Math.abs(digit - original) == 9;
				// A mod-9 check cannot tell 0 from 9 in the base: both change the sum by a multiple of 9.
				assertThat(CorporateNumber.isValid(mutated)).as(mutated).isEqualTo(zeroNineSwap);
			}
		}
	}

	@Test
	void fullWidthDigitsAreTheSameNumber() {
		assertThat(CorporateNumber.of("７００００１２０５０００２").value()).isEqualTo("7000012050002");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "700001205000", "70000120500020", "7000-012050002", "700001205000a",
			"T7000012050002", "8000012050002" })
	void anythingElseIsRefused(String text) {
		assertThat(CorporateNumber.isValid(text)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CorporateNumber.of(text));
	}

	@Test
	void nothingIsNotANumber() {
		assertThat(CorporateNumber.isValid(null)).isFalse();
	}
}
