package jp.nop.cx.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What ./cx bench accepts on its command line. */
class BenchOptionsTest {

	@Test
	void helpAndNoWriteTakeNoValue() {
		assertThat(Bench.options(new String[] { "--help" })).containsEntry("help", "true");
		assertThat(Bench.options(new String[] { "-h" })).containsEntry("help", "true");
		assertThat(Bench.options(new String[] { "--no-write", "--only", "overhead" })).containsEntry("no-write", "true")
			.containsEntry("only", "overhead");
	}

	@Test
	void anUnknownOptionIsRefusedNotTakenForAValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bench.options(new String[] { "--sample", "5" }))
			.withMessageContaining("unknown option --sample");
	}

	@Test
	void aValuedOptionWithoutItsValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bench.options(new String[] { "--seconds" }))
			.withMessageContaining("needs a value");
	}

	@Test
	void onlyNamesRowsAndAllRowsWithoutIt() {
		assertThat(Bench.rows(null)).containsExactlyInAnyOrderElementsOf(Bench.ROWS);
		assertThat(Bench.rows("overhead,start")).containsExactlyInAnyOrder("overhead", "start");
		assertThatIllegalArgumentException().isThrownBy(() -> Bench.rows("overhead,foo"))
			.withMessageContaining("not overhead,foo");
	}
}
