package jp.nop.cx.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header checks allow exactly what Spring Security's own allow. */
class HeaderCharactersTest {

	@Test
	void allowsTheSameSingleCharactersAsSpringSecurity() {
		for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
			String text = "a" + (char) c + "b";
			assertSame(text);
		}
	}

	@Test
	void allowsTheSameSupplementaryCharactersAsSpringSecurity() {
		for (int codePoint = Character.MIN_SUPPLEMENTARY_CODE_POINT; codePoint <= Character.MAX_CODE_POINT; codePoint += 7) {
			assertSame("x" + Character.toString(codePoint) + "y");
		}
		assertSame("\uD800");
		assertSame("\uDC00\uD800");
		assertSame(Character.toString(0xE0001) + "\t" + Character.toString(0x10FFFF));
	}

	@Test
	void allowsATokenAndRefusesControlCharacters() {
		assertThat(HeaderCharacters.allowedValue("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
		assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
		assertThat(HeaderCharacters.allowedValue("a\r\nX-Injected: 1")).isFalse();
		assertThat(HeaderCharacters.allowedValue("\u0000")).isFalse();
		assertThat(HeaderCharacters.allowedValue("\u0085")).isFalse();
		assertThat(HeaderCharacters.allowedValue("\u0378")).isFalse();
		assertThat(HeaderCharacters.allowedValue("日本語")).isTrue();
		assertThat(HeaderCharacters.allowedValue("")).isTrue();
		assertThat(HeaderCharacters.allowedValue(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
		assertThat(HeaderCharacters.allowedName(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
	}

	private static void assertSame(String text) {
		assertThat(HeaderCharacters.allowedName(text)).as("name %s", codePoints(text))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
		assertThat(HeaderCharacters.allowedValue(text)).as("value %s", codePoints(text))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
	}

	private static String codePoints(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((cp) -> out.append(String.format("U+%04X ", cp)));
		return out.toString();
	}
}
