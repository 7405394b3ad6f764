package jp.nop.cx.terms.version;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A diff is JSON unless the client asks for plain text. */
class DiffNegotiationTest {

	@Test
	void plainTextOnlyWhenAskedForBeforeJson() {
		assertThat(TermsController.prefersPlainText("text/plain")).isTrue();
		assertThat(TermsController.prefersPlainText("text/*")).isTrue();
		assertThat(TermsController.prefersPlainText("text/plain, application/json;q=0.5")).isTrue();
		assertThat(TermsController.prefersPlainText("application/json, text/plain;q=0.5")).isFalse();
		assertThat(TermsController.prefersPlainText("*/*")).isFalse();
		assertThat(TermsController.prefersPlainText(null)).isFalse();
		assertThat(TermsController.prefersPlainText("not a media type")).isFalse();
	}
}
