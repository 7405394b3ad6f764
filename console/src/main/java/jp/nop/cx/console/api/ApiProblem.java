package jp.nop.cx.console.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A refusal of the API shown to a person: the title and detail come in the user's language
 * (the console sends its {@code Accept-Language}), field messages go next to their fields.
 *
 * <p>Serializable: a refusal shown after a redirect travels in the session's flash attributes,
 * which may rest in Redis when several consoles share their sessions.
 *
 * @param code the last segment of the problem {@code type}, e.g. {@code partner-suspended}
 */
public record ApiProblem(int status, String code, String title, String detail, Map<String, String> fields,
		List<String> general, String retryAfter, JsonNode body) implements Serializable {

	public String field(String name) {
		return this.fields.get(name);
	}

	public boolean hasField(String name) {
		return this.fields.containsKey(name);
	}

}
