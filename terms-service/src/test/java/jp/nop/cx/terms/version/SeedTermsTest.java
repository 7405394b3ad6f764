package jp.nop.cx.terms.version;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Preamble: the bundled terms name themselves in their first heading. */
class SeedTermsTest {

	@Test
	void theTitleIsTheFirstHeading() {
		assertThat(SeedTerms.titleOf("\n\n## NOP CX ポータル利用規約\n\n### 第1条（本規約の範囲）\n"))
			.isEqualTo("NOP CX ポータル利用規約");
	}
}
