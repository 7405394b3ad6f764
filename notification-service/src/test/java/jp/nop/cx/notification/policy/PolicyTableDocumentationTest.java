package jp.nop.cx.notification.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README renders the policy table; this keeps the rendering true to the code. */
class PolicyTableDocumentationTest {

	@Test
	void theReadmeTableHasOneRowPerRuleWithItsEventConditionChannelsTemplateAndArticle() throws IOException {
		List<String> rows = Files.readAllLines(Path.of("README.md"))
			.stream()
			.filter((line) -> line.startsWith("| ") && line.split("\\|").length > 8)
			.toList();
		for (NoticeRule rule : NoticeRule.values()) {
			String row = rows.stream()
				.filter((line) -> line.startsWith("| " + rule.name() + " |"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("README has no row for " + rule));
			String[] cells = Arrays.stream(row.split("\\|")).map(String::strip).toArray(String[]::new);
			assertThat(cells[2]).as(rule + " event").isEqualTo(rule.eventType().topic());
			assertThat(cells[3]).as(rule + " condition").isEqualTo(rule.condition());
			assertThat(cells[4]).as(rule + " recipients").isEqualTo(rule.notifies() ? rule.audience().name() : "—");
			assertThat(cells[5]).as(rule + " channels")
				.isEqualTo(rule.notifies()
						? rule.channels().stream().map(Channel::name).collect(Collectors.joining(", ")) : "—");
			assertThat(cells[6]).as(rule + " template").isEqualTo(rule.notifies() ? rule.template() : "—");
			assertThat(cells[7]).as(rule + " article").isEqualTo(rule.article());
		}
	}
}
