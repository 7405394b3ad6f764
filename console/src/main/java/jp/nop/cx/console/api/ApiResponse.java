package jp.nop.cx.console.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpHeaders;

/**
 * One answer of the public API: its status, its JSON body (a {@link MissingNode} when there is
 * none) and its headers.
 */
public record ApiResponse(int status, JsonNode json, byte[] raw, HttpHeaders headers) {

	public boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/** The RFC 9457 problem of a refused request, as a page shows it; {@code null} when it succeeded. */
	public ApiProblem problem() {
		if (ok()) {
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		for (JsonNode error : this.json.path("errors")) {
			String field = error.path("field").asString("");
			String message = error.path("message").asString("");
			if (field.isEmpty()) {
				general.add(message);
			}
			else {
				fields.merge(field, message, (a, b) -> a + " / " + b);
			}
		}
		String type = this.json.path("type").asString("");
		String code = type.contains("/") ? type.substring(type.lastIndexOf('/') + 1) : type;
		return new ApiProblem(this.status, code, this.json.path("title").asString(""),
				this.json.path("detail").asString(""), fields, general, this.headers.getFirst(HttpHeaders.RETRY_AFTER),
				this.json);
	}

}
