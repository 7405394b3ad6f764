package jp.nop.cx.terms.version;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 16.2: the content of a change, line by line. */
class TermsDiffTest {

	private static final String BEFORE = """
			## NOP CX ポータル利用規約

			### 第16条（本規約の変更）

			- NOP は、本規約を変更することができます。
			- 2 NOP は、本規約を変更した場合、パートナーに対して変更内容を通知するものとします。
			- 3 本規約の変更後、パートナーが本サービスの利用した場合には、パートナーは変更後の規約に同意したものとみなします。

			### 第17条（地位の譲渡等）
			""";

	private static final String AFTER = """
			## NOP CX ポータル利用規約

			### 第16条（本規約の変更）

			- NOP は、本規約を変更することができます。
			- 2 NOP は、本規約を変更した場合、効力発生日までにパートナーに対して変更内容を通知するものとします。
			- 3 本規約の変更後、パートナーが本サービスの利用した場合には、パートナーは変更後の規約に同意したものとみなします。

			### 第17条（地位の譲渡等）
			""";

	@Test
	void aChangedJapaneseLineShowsAsRemovedAndAddedWithContext() {
		TermsDiff diff = TermsDiff.between("1", BEFORE, "2", AFTER);

		assertThat(diff.unified()).startsWith("--- terms/1\n+++ terms/2\n@@ -3,7 +3,7 @@\n")
			.contains("\n-- 2 NOP は、本規約を変更した場合、パートナーに対して変更内容を通知するものとします。\n")
			.contains("\n+- 2 NOP は、本規約を変更した場合、効力発生日までにパートナーに対して変更内容を通知するものとします。\n");
		assertThat(diff.added()).isEqualTo(1);
		assertThat(diff.removed()).isEqualTo(1);
		assertThat(diff.hunks()).singleElement().satisfies((hunk) -> {
			assertThat(hunk.fromStart()).isEqualTo(3);
			assertThat(hunk.lines()).filteredOn((l) -> l.type() == TermsDiff.LineType.REMOVED)
				.singleElement()
				.satisfies((line) -> {
					assertThat(line.fromLine()).isEqualTo(6);
					assertThat(line.toLine()).isNull();
					assertThat(line.text()).contains("パートナーに対して変更内容を通知");
				});
			assertThat(hunk.lines()).filteredOn((l) -> l.type() == TermsDiff.LineType.ADDED)
				.singleElement()
				.satisfies((line) -> {
					assertThat(line.toLine()).isEqualTo(6);
					assertThat(line.text()).contains("効力発生日までに");
				});
			assertThat(hunk.lines()).filteredOn((l) -> l.type() == TermsDiff.LineType.CONTEXT).hasSize(6);
		});
	}

	@Test
	void identicalTextsHaveNoHunks() {
		TermsDiff diff = TermsDiff.between("1", BEFORE, "1a", BEFORE);
		assertThat(diff.unified()).isEmpty();
		assertThat(diff.hunks()).isEmpty();
	}

	@Test
	void removedAndAddedArticlesAreCountedLineByLine() {
		TermsDiff diff = TermsDiff.between("1", "第1条\n第2条\n第3条\n", "2", "第1条\n第3条\n第4条\n第5条\n");
		assertThat(diff.removed()).isEqualTo(1);
		assertThat(diff.added()).isEqualTo(2);
	}
}
