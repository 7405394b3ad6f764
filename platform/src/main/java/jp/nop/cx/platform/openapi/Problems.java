package jp.nop.cx.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** The Problem schema (RFC 9457 with per-field {@code errors}) and problem responses built on it. */
public final class Problems {

	public static final String PROBLEM = "Problem";

	public static final String FIELD_ERROR = "FieldError";

	public static final String MEDIA_TYPE = "application/problem+json";

	private static final String TYPE_BASE = "https://cx.nop.jp/problems/";

	private Problems() {
	}

	/** The Problem schema every document shares, under {@link #PROBLEM}. */
	public static Schema<?> problemSchema() {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", TYPE_BASE + "validation");
		example.put("title", "入力内容に誤りがあります");
		example.put("status", 422);
		example.put("detail", "入力内容を確認してください。");
		example.put("instance", "/api/v1/registrations");
		example.put("errors", List.of(Map.of("field", "corporateNumber", "message", "check digit does not match")));
		// A plain Schema: ObjectSchema would turn the example map into its toString().
		return new Schema<Object>().type("object")
			.description("RFC 9457 problem details. `type` is stable (`" + TYPE_BASE + "<code>`); `title` and"
					+ " `detail` are in the request's language; a problem may carry further members"
					+ " (`earliestEffectiveOn`, `measure` …).")
			.addProperty("type", new StringSchema().format("uri").example(TYPE_BASE + "not-found"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema().format("int32"))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
						.description("Per-field errors of a 400/422, in the request's language."))
			.required(List.of("type", "title", "status"))
			.example(example);
	}

	/** One entry of a problem's {@code errors}, under {@link #FIELD_ERROR}. */
	public static Schema<?> fieldErrorSchema() {
		return new ObjectSchema().addProperty("field", new StringSchema().description("JSON path of the field"))
			.addProperty("message", new StringSchema())
			.required(List.of("field", "message"));
	}

	/** A response whose body is the Problem schema. */
	public static ApiResponse response(String description) {
		return new ApiResponse().description(description).content(content());
	}

	/** {@code application/problem+json} with the Problem schema. */
	public static Content content() {
		return new Content().addMediaType(MEDIA_TYPE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	/** Adds {@code code} unless the operation declares it; a declared 4xx/5xx gets the Problem body. */
	static void add(ApiResponses responses, String code, String description) {
		ApiResponse existing = responses.get(code);
		if (existing == null) {
			responses.addApiResponse(code, response(description));
		}
		else if (existing.getContent() == null || !existing.getContent().containsKey(MEDIA_TYPE)) {
			existing.content(content());
		}
	}

	/** A header of a problem response, such as {@code Retry-After}. */
	public static Header header(String description, Schema<?> schema) {
		return new Header().description(description).schema(schema);
	}
}
