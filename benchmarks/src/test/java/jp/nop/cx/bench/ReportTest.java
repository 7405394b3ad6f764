package jp.nop.cx.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	@TempDir
	Path dir;

	private static final List<String> HEADER = List.of("run: 2026-12-02T05:00:00Z, 2 cores", "load generator: wrk 4.2.0");

	private static final Row MET = new Row("enforcement latency", "p99 ≤ 100 ms", "p50 8.0 ms, p99 31.0 ms", true);

	private static final Row UNMET = new Row("gateway overhead, 256 connections", "gateway/direct ≥ 0.50, 0 errors",
			"0.41 (gateway 2100 req/s | direct 5100 req/s)", false);

	private static final Row NOT_MEASURED = Row.notMeasured("fan-out", "≥ 2,000 notices/s", "no notification-service");

	@Test
	void theMarkdownTableHasARowPerFigureWithItsVerdict() throws Exception {
		Path file = dir.resolve("docs/benchmarks.md");

		Report.markdown(file, HEADER, List.of(MET, UNMET, NOT_MEASURED), "benchmarks.png");

		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).contains("- run: 2026-12-02T05:00:00Z, 2 cores", "| what | target | figure | verdict |",
				"| enforcement latency | p99 ≤ 100 ms | p50 8.0 ms, p99 31.0 ms | met |",
				"| fan-out | ≥ 2,000 notices/s | not measured: no notification-service | — |",
				"![gateway and direct throughput](benchmarks.png)");
		// A "|" in a figure would otherwise split its cell.
		assertThat(lines).contains("| gateway overhead, 256 connections | gateway/direct ≥ 0.50, 0 errors | "
				+ "0.41 (gateway 2100 req/s \\| direct 5100 req/s) | **not met** |");
	}

	@Test
	void theTargetsNotMetAreListedBelowTheTableAndTheNotesFollow() throws Exception {
		Path file = dir.resolve("benchmarks.md");

		Report.markdown(file, HEADER, List.of(MET, UNMET, NOT_MEASURED), "benchmarks.png");

		String md = Files.readString(file, StandardCharsets.UTF_8);
		String unmetSection = md.substring(md.indexOf("## Not met in this run"), md.indexOf("## How measured"));
		assertThat(unmetSection).contains("- gateway overhead, 256 connections: 0.41 (gateway 2100 req/s \\| direct 5100 req/s)"
				+ " (target: gateway/direct ≥ 0.50, 0 errors)")
			.doesNotContain("enforcement latency")
			.doesNotContain("fan-out");
		assertThat(md).contains("## How measured");
	}

	@Test
	void aRunThatMetEveryMeasuredTargetSaysSo() throws Exception {
		Path file = dir.resolve("benchmarks.md");

		Report.markdown(file, HEADER, List.of(MET, NOT_MEASURED), "benchmarks.png");

		assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Every measured target was met.");
	}

	@Test
	void theConsoleTableAlignsItsColumnsToTheLongestCell() {
		String table = Report.console(HEADER, List.of(MET, UNMET));

		List<String> lines = table.lines().toList();
		assertThat(lines).startsWith(HEADER.toArray(String[]::new));
		List<String> rows = lines.subList(HEADER.size(), lines.size());
		assertThat(rows.get(0)).startsWith("what ");
		assertThat(rows.get(1)).matches("-+");
		assertThat(rows.get(2)).startsWith("enforcement latency ").endsWith("| met");
		assertThat(rows.get(3)).endsWith("| NOT met");
		int firstBar = rows.get(3).indexOf(" | ");
		assertThat(rows).filteredOn((line) -> line.contains(" | ")).allSatisfy((line) -> assertThat(line.indexOf(" | ")).isEqualTo(firstBar));
	}
}
