package jp.nop.cx.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@link Problem}s as {@code application/problem+json} in the request's language, the same
 * shape the services answer with (SPEC section 5): Japanese by default, English when the client
 * prefers it.
 */
@Component
public class ProblemResponses {

	/** Base of every problem {@code type}; shared with the services. */
	public static final String TYPE_BASE = "https://cx.nop.jp/problems/";

	private static final List<Locale> LANGUAGES = List.of(Locale.JAPANESE, Locale.ENGLISH);

	private final MessageSource messages;

	private final ObjectMapper objectMapper;

	public ProblemResponses(MessageSource messages, ObjectMapper objectMapper) {
		this.messages = messages;
		this.objectMapper = objectMapper;
	}

	public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		byte[] body = this.objectMapper.writeValueAsBytes(document(exchange, problem));
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		problem.headers().forEach(headers::put);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	Map<String, Object> document(ServerWebExchange exchange, Problem problem) {
		Locale locale = locale(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
		return document(problem, locale,
				(problem.instance() != null) ? problem.instance() : exchange.getRequest().getPath().value());
	}

	/**
	 * The problem as JSON bytes, for answers given below Spring (the HTTP decoder's refusals),
	 * where there is no exchange; {@code instance} is left out when {@code null}.
	 */
	byte[] body(Problem problem, String acceptLanguage, String instance) {
		return this.objectMapper.writeValueAsBytes(document(problem, locale(acceptLanguage), instance));
	}

	private Map<String, Object> document(Problem problem, Locale locale, String instance) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", TYPE_BASE + problem.code());
		document.put("title",
				message("problem." + problem.code() + ".title", problem.args(), locale,
						problem.status().getReasonPhrase()));
		document.put("status", problem.status().value());
		String detail = message("problem." + problem.code() + ".detail", problem.args(), locale, null);
		if (detail != null) {
			document.put("detail", detail);
		}
		if (instance != null) {
			document.put("instance", instance);
		}
		problem.members().forEach(document::putIfAbsent);
		return document;
	}

	private String message(String key, Object[] args, Locale locale, String fallback) {
		try {
			return this.messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

	/** ja unless the client prefers English (the terms are Japanese; so is the default audience). */
	static Locale locale(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.JAPANESE;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
			return (best != null) ? best : Locale.JAPANESE;
		}
		catch (IllegalArgumentException ex) {
			return Locale.JAPANESE;
		}
	}
}
