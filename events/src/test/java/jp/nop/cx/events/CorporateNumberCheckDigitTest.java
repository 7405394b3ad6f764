package jp.nop.cx.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorporateNumberCheckDigitTest {

	@Test
	void knownNumbersMatch() {
		// National Tax Agency (国税庁): 7000012050002. Digits of 000012050002 from the right are
		// 2,0,0,0,5,0,2,1,0,0,0,0; weights 1,2,1,2,…; sum 2+5+2+2 = 11; 9 - 11 mod 9 = 7.
		assertThat(CorporateNumberCheckDigit.of("000012050002")).isEqualTo(7);
		assertThat(CorporateNumberCheckDigit.matches("7000012050002")).isTrue();
		// 8000012010038: 8·1 + 3·2 + 1·1 + 2·1 + 1·2 = 19; 9 - 19 mod 9 = 8.
		assertThat(CorporateNumberCheckDigit.matches("8000012010038")).isTrue();
		assertThat(CorporateNumberCheckDigit.matches("4000012090001")).isTrue();
		assertThat(CorporateNumberCheckDigit.matches("5000012090001")).isFalse();
	}

	@Test
	void theDigitIsNineMinusTheWeightedSumModuloNine() {
		// Only P1 (rightmost, weight 1) set: 9 - 1 = 8. Only P2 (weight 2): 9 - 2 = 7.
		assertThat(CorporateNumberCheckDigit.of("000000000001")).isEqualTo(8);
		assertThat(CorporateNumberCheckDigit.of("000000000010")).isEqualTo(7);
		// A sum that is a multiple of 9 (zero included) gives 9, never 0.
		assertThat(CorporateNumberCheckDigit.of("000000000000")).isEqualTo(9);
		assertThat(CorporateNumberCheckDigit.of("000000000009")).isEqualTo(9);
	}

	@Test
	void malformedInputNeverMatches() {
		assertThat(CorporateNumberCheckDigit.matches("700001205000")).isFalse();
		assertThat(CorporateNumberCheckDigit.matches("70000120500a2")).isFalse();
		// Full-width digits are for the caller to normalise first (registration does NFKC).
		assertThat(CorporateNumberCheckDigit.matches("７０００012050002")).isFalse();
		assertThat(CorporateNumberCheckDigit.matches(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CorporateNumberCheckDigit.of("123"));
	}

}
