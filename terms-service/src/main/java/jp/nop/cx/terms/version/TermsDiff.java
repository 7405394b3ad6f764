package jp.nop.cx.terms.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * What changed between two versions, line by line (Art. 16.2: the content of a change), as a
 * unified diff and as the same hunks in structured form.
 *
 * @param from the older version compared
 * @param to the newer version compared
 * @param unified the unified diff text ({@code ---}/{@code +++} headers, {@code @@} hunks)
 * @param hunks the hunks of {@code unified}, line by line with line numbers
 * @param added lines only in {@code to}
 * @param removed lines only in {@code from}
 */
public record TermsDiff(String from, String to, String unified, List<Hunk> hunks, int added, int removed) {

	/** Lines of context around each change, as {@code diff -u}. */
	static final int CONTEXT_LINES = 3;

	private static final Pattern HUNK_HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

	public enum LineType {

		CONTEXT, REMOVED, ADDED

	}

	/** One line of a hunk; {@code fromLine}/{@code toLine} are 1-based, null where the line is absent. */
	public record Line(LineType type, String text, Integer fromLine, Integer toLine) {
	}

	public record Hunk(int fromStart, int fromCount, int toStart, int toCount, List<Line> lines) {
	}

	public static TermsDiff between(String fromVersion, String fromBody, String toVersion, String toBody) {
		List<String> original = fromBody.lines().toList();
		List<String> revised = toBody.lines().toList();
		Patch<String> patch = DiffUtils.diff(original, revised);
		List<String> unified = patch.getDeltas().isEmpty() ? List.of()
				: UnifiedDiffUtils.generateUnifiedDiff("terms/" + fromVersion, "terms/" + toVersion, original, patch,
						CONTEXT_LINES);
		List<Hunk> hunks = hunks(unified);
		int added = 0;
		int removed = 0;
		for (Hunk hunk : hunks) {
			for (Line line : hunk.lines()) {
				if (line.type() == LineType.ADDED) {
					added++;
				}
				else if (line.type() == LineType.REMOVED) {
					removed++;
				}
			}
		}
		String text = unified.isEmpty() ? "" : String.join("\n", unified) + "\n";
		return new TermsDiff(fromVersion, toVersion, text, hunks, added, removed);
	}

	/** Reads the hunks back from the unified text, so both forms always say the same. */
	private static List<Hunk> hunks(List<String> unified) {
		List<Hunk> hunks = new ArrayList<>();
		int fromStart = 0;
		int fromCount = 0;
		int toStart = 0;
		int toCount = 0;
		List<Line> lines = null;
		int fromLine = 0;
		int toLine = 0;
		for (String text : unified) {
			Matcher header = HUNK_HEADER.matcher(text);
			if (header.find()) {
				if (lines != null) {
					hunks.add(new Hunk(fromStart, fromCount, toStart, toCount, List.copyOf(lines)));
				}
				fromStart = Integer.parseInt(header.group(1));
				fromCount = (header.group(2) != null) ? Integer.parseInt(header.group(2)) : 1;
				toStart = Integer.parseInt(header.group(3));
				toCount = (header.group(4) != null) ? Integer.parseInt(header.group(4)) : 1;
				fromLine = fromStart;
				toLine = toStart;
				lines = new ArrayList<>();
			}
			else if (lines != null && !text.isEmpty()) {
				String content = text.substring(1);
				switch (text.charAt(0)) {
					case '-' -> lines.add(new Line(LineType.REMOVED, content, fromLine++, null));
					case '+' -> lines.add(new Line(LineType.ADDED, content, null, toLine++));
					default -> lines.add(new Line(LineType.CONTEXT, content, fromLine++, toLine++));
				}
			}
		}
		if (lines != null) {
			hunks.add(new Hunk(fromStart, fromCount, toStart, toCount, List.copyOf(lines)));
		}
		return hunks;
	}
}
