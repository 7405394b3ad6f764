package jp.nop.cx.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The table on the console, {@code docs/benchmarks.md} and the chart {@code docs/benchmarks.png}. */
final class Report {

	private Report() {
	}

	static String console(List<String> header, List<Row> rows) {
		int what = 10;
		int target = 6;
		int figure = 6;
		for (Row row : rows) {
			what = Math.max(what, row.what().length());
			target = Math.max(target, row.target().length());
			figure = Math.max(figure, row.figure().length());
		}
		StringBuilder out = new StringBuilder();
		header.forEach((line) -> out.append(line).append('\n'));
		String format = "%-" + what + "s | %-" + target + "s | %-" + figure + "s | %s%n";
		out.append(String.format(format, "what", "target", "figure", "verdict"));
		out.append("-".repeat(what + target + figure + 18)).append('\n');
		for (Row row : rows) {
			out.append(String.format(format, row.what(), row.target(), row.figure(), row.verdict()));
		}
		return out.toString();
	}

	static void markdown(Path file, List<String> header, List<Row> rows, String chart) throws IOException {
		StringBuilder md = new StringBuilder("# Benchmarks (SPEC section 7)\n\n");
		md.append("Written by `./cx bench` (module `benchmarks`) from its last run; do not edit by hand, ")
			.append("edit `benchmarks/src/main/resources/benchmarks-notes.md` for the text below the table.\n\n");
		header.forEach((line) -> md.append("- ").append(line).append('\n'));
		md.append("\n| what | target | figure | verdict |\n|---|---|---|---|\n");
		for (Row row : rows) {
			md.append("| ").append(cell(row.what())).append(" | ").append(cell(row.target())).append(" | ")
				.append(cell(row.figure())).append(" | ").append(row.met() == null ? "—" : row.met() ? "met" : "**not met**")
				.append(" |\n");
		}
		md.append("\n![gateway and direct throughput](").append(chart).append(")\n\n");
		List<Row> unmet = rows.stream().filter((row) -> Boolean.FALSE.equals(row.met())).toList();
		md.append("## Not met in this run\n\n");
		if (unmet.isEmpty()) {
			md.append("Every measured target was met.\n\n");
		}
		for (Row row : unmet) {
			md.append("- ").append(cell(row.what())).append(": ").append(cell(row.figure())).append(" (target: ")
				.append(cell(row.target())).append(")\n");
		}
		md.append('\n');
		try (InputStream notes = Report.class.getResourceAsStream("/benchmarks-notes.md")) {
			md.append(new String(notes.readAllBytes(), StandardCharsets.UTF_8));
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, md, StandardCharsets.UTF_8);
	}

	static void chart(Path file, List<GatewayOverhead.Point> points) throws IOException {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (GatewayOverhead.Point point : points) {
			String connections = point.connections() + " connections";
			data.addValue(point.direct().rate(), "direct (registration-service)", connections);
			data.addValue(point.gateway().rate(), "through the gateway", connections);
			if (point.proxy() != null) {
				data.addValue(point.proxy().rate(), "through a plain nginx", connections);
			}
		}
		JFreeChart chart = ChartFactory.createBarChart("GET /api/v1/partners/me with partner tokens", "",
				"requests per second", data, PlotOrientation.VERTICAL, true, false, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getCategoryPlot().setBackgroundPaint(new Color(0xF4F4F4));
		chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(0x4C72B0));
		chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new Color(0xDD8452));
		chart.getCategoryPlot().getRenderer().setSeriesPaint(2, new Color(0x55A868));
		Files.createDirectories(file.getParent());
		ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 450);
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}
}
