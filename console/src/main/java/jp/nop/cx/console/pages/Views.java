package jp.nop.cx.console.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.nop.cx.console.api.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Turns API answers into what templates read (plain maps and lists), and puts a refusal on the
 * page as {@code problem}, so every page shows the API's message in the user's language.
 */
@Component
public class Views {

	private final JsonMapper json;

	Views(JsonMapper json) {
		this.json = json;
	}

	/** The body as maps and lists, or {@code null} and the problem on the page when refused. */
	public Object show(Model model, String name, ApiResponse response) {
		if (!response.ok()) {
			model.addAttribute("problem", response.problem());
			return null;
		}
		Object value = plain(response.json());
		model.addAttribute(name, value);
		return value;
	}

	/** The {@code items} of a list answer (or the array itself). */
	public List<Object> items(Model model, String name, ApiResponse response) {
		if (!response.ok()) {
			model.addAttribute("problem", response.problem());
			model.addAttribute(name, List.of());
			return List.of();
		}
		JsonNode node = response.json();
		JsonNode items = node.isArray() ? node
				: node.path("items").isArray() ? node.path("items") : node.path("content");
		List<Object> list = new ArrayList<>();
		for (JsonNode item : items) {
			list.add(plain(item));
		}
		model.addAttribute(name, list);
		return list;
	}

	public Object plain(JsonNode node) {
		if (node == null || node.isMissingNode()) {
			return null;
		}
		return lenient(this.json.treeToValue(node, Object.class));
	}

	/**
	 * Answers omit fields that are null; a template asking for one must read null, not fail
	 * (SpEL reads a map's entry only when the map says it contains the key).
	 */
	@SuppressWarnings("unchecked")
	private static Object lenient(Object value) {
		if (value instanceof Map<?, ?> map) {
			Lenient copy = new Lenient();
			((Map<String, Object>) map).forEach((k, v) -> copy.put(k, lenient(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((v) -> copy.add(lenient(v)));
			return copy;
		}
		return value;
	}

	/** A map in which every key is present: missing ones hold null. */
	static final class Lenient extends java.util.LinkedHashMap<String, Object> {

		private static final long serialVersionUID = 1L;

		@Override
		public boolean containsKey(Object key) {
			return true;
		}

	}

	/** For templates, which may not look at classes themselves. */
	public boolean isMap(Object value) {
		return value instanceof Map<?, ?>;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
	}

}
