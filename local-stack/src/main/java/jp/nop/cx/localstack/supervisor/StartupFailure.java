package jp.nop.cx.localstack.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Spring Boot's "APPLICATION FAILED TO START" report out of a service's log, so that
 * {@code ./cx up} can print the reason on one line (e.g. an operator password breaking the
 * policy) instead of leaving the newcomer to find it among the last log lines.
 */
final class StartupFailure {

	private static final String BANNER = "APPLICATION FAILED TO START";

	private StartupFailure() {
	}

	/** The "Description:" paragraph of the last failure report in {@code lines}, if there is one. */
	static Optional<String> description(List<String> lines) {
		int banner = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(BANNER)) {
				banner = i;
			}
		}
		if (banner < 0) {
			return Optional.empty();
		}
		List<String> text = new ArrayList<>();
		boolean inDescription = false;
		for (String line : lines.subList(banner + 1, lines.size())) {
			String stripped = line.strip();
			if (stripped.equals("Description:")) {
				inDescription = true;
			}
			else if (stripped.equals("Action:")) {
				break;
			}
			else if (inDescription && !stripped.isEmpty()) {
				text.add(stripped);
			}
		}
		return text.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", text));
	}
}
