package jp.nop.cx.registration.partner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Postal codes, telephone numbers and e-mail addresses as Japanese applicants type them. */
class ContactDetailsTest {

	@Test
	void postalCodesAreKeptAsThreeDigitsDashFourDigits() {
		assertThat(PostalCode.normalize("100-0001")).isEqualTo("100-0001");
		assertThat(PostalCode.normalize("１００－０００１")).isEqualTo("100-0001");
		assertThat(PostalCode.normalize("100ー0001")).isEqualTo("100-0001");
		assertThat(PostalCode.normalize("1000001")).isEqualTo("100-0001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "100-001", "1000-0001", "〒100-0001", "abc-defg", "100 0001", "" })
	void otherPostalCodesAreRefused(String text) {
		assertThat(PostalCode.isValid(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "03-1234-5678", "0312345678", "090-1234-5678", "080 1234 5678", "050-1234-5678",
			"0120-123-456", "0800-123-4567", "0570-012-345", "(03) 1234-5678", "+81 3-1234-5678", "+81 90-1234-5678",
			"+81 (0)3 1234 5678", "０３－１２３４－５６７８", "06ー1234ー5678" })
	void japanesePhoneNumbersAreAccepted(String text) {
		assertThat(PhoneNumber.isValid(text)).as(text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234-5678", "03-1234-567", "090-1234-56789", "00-1234-5678", "+1 415 555 0100",
			"03-1234-5678 内線12", "電話番号", "" })
	void otherPhoneNumbersAreRefused(String text) {
		assertThat(PhoneNumber.isValid(text)).as(text).isFalse();
	}

	@Test
	void emailAddressesKeepTheirLocalPartAndLowerCaseTheirDomain() {
		assertThat(EmailAddress.isValid("Hanako.Sato@Example.CO.JP")).isTrue();
		assertThat(EmailAddress.normalize("Hanako.Sato@Example.CO.JP")).isEqualTo("Hanako.Sato@example.co.jp");
		assertThat(EmailAddress.normalize("sato＠example.jp")).isEqualTo("sato@example.jp");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sato", "sato@", "@example.jp", "sato@example", "sa to@example.jp", "a@b@example.jp", "a,b@example.jp",
			"Sato <sato@example.jp>", "sato@example.jp\nBcc: x@example.jp" })
	void otherEmailAddressesAreRefused(String text) {
		assertThat(EmailAddress.isValid(text)).as(text).isFalse();
	}

	@Test
	void companyNamesInFullWidthLettersAreFoundByTheirAsciiSpelling() {
		assertThat(Company.searchKey("ＮＯＰ　パートナーズ株式会社")).isEqualTo("nop パートナーズ株式会社");
		assertThat(Company.searchKey("ｶﾌﾞｼｷｶﾞｲｼｬ")).isEqualTo("カブシキガイシャ");
	}
}
