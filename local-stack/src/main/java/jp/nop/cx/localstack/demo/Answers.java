package jp.nop.cx.localstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** Reading the fields the demo prints out of JSON answers, tolerant of missing ones. */
final class Answers {

	private Answers() {
	}

	/** Items of a list answer: a bare array, or {items: [...]}, or a page {content: [...]}. */
	static List<JsonNode> items(JsonNode json) {
		JsonNode array = json.isArray() ? json
				: json.path("items").isArray() ? json.path("items") : json.path("content");
		List<JsonNode> result = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(result::add);
		}
		return result;
	}

	/** The next version after {@code current}, greater than every known one. */
	static String nextVersion(String current, List<String> known) {
		List<String> all = new ArrayList<>(known);
		all.add(current);
		if (all.stream().allMatch((v) -> v.matches("\\d{1,9}"))) {
			return String.valueOf(all.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1);
		}
		Matcher trailing = Pattern.compile("^(.*?)(\\d+)$").matcher(current);
		if (trailing.matches()) {
			int n = Integer.parseInt(trailing.group(2));
			String candidate;
			do {
				n++;
				candidate = trailing.group(1) + n;
			}
			while (all.contains(candidate));
			return candidate;
		}
		String candidate = current + ".1";
		while (all.contains(candidate)) {
			candidate = candidate + ".1";
		}
		return candidate;
	}

	static boolean versionMatches(JsonNode item, String version) {
		if (version.equals(text(item, "version"))) {
			return true;
		}
		for (JsonNode v : item.path("versions")) {
			if (version.equals(v.asString())) {
				return true;
			}
		}
		return false;
	}

	static String noticeTitle(JsonNode notice) {
		for (String field : List.of("title", "subject", "template", "type", "eventType")) {
			String value = text(notice, field);
			if (!value.isBlank()) {
				return value;
			}
		}
		return abbreviate(notice.toString(), 100);
	}

	static String problem(JsonNode problem) {
		return "status " + text(problem, "status") + ", type " + text(problem, "type") + ", title 「"
				+ text(problem, "title") + "」" + optional(", detail 「", text(problem, "detail"), "」");
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? "" : value.isValueNode() ? value.asString() : value.toString();
	}

	static String optional(String prefix, String value) {
		return optional(prefix, value, "");
	}

	static String optional(String prefix, String value, String suffix) {
		return value.isBlank() ? "" : prefix + value + suffix;
	}

	static String firstNonEmpty(String first, String second) {
		return first.isBlank() ? second : first;
	}

	static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + "…";
	}

}
