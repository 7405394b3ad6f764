package jp.nop.cx.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jp.nop.cx.platform.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers, as RFC 9457 problem details with a stable {@code type}, a title
 * and detail in the request's language (ja/en) and per-field errors. Never a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/** How long a client should wait before trying again while the store is away. */
	private static final long STORE_RETRY_AFTER_SECONDS = 5;

	/** Base of every problem {@code type}. */
	public static final String TYPE_BASE = "https://cx.nop.jp/problems/";

	private final MessageSource messages;

	public ProblemHandler(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(ProblemException.class)
	public ResponseEntity<Object> problem(ProblemException ex, HttpServletRequest request) {
		ProblemDetail body = detail(ex.status(), ex.code(), ex.args(), request);
		ex.properties().forEach(body::setProperty);
		if (!ex.fieldErrors().isEmpty()) {
			body.setProperty("errors", ex.fieldErrors());
		}
		return respond(body, ex.headers());
	}

	/** The one refusal of services and aggregates: its kind decides the status (platform guide, "Refusals"). */
	@ExceptionHandler(RuleViolation.class)
	public ResponseEntity<Object> refused(RuleViolation violation, HttpServletRequest request) {
		HttpStatus status = status(violation.kind());
		Locale locale = locale(request);
		ProblemDetail body = detail(status, violation.code(), violation.args(), request);
		if (message("problem." + violation.code() + ".title", violation.args(), locale, null) == null) {
			// A rule without a title of its own is titled by its kind, in the request's language.
			String kind = kindCode(violation.kind());
			body.setTitle(message("problem." + kind + ".title", new Object[0], locale, status.getReasonPhrase()));
			if (body.getDetail() == null) {
				body.setDetail(message("problem." + kind + ".detail", violation.args(), locale, null));
			}
		}
		violation.members().forEach(body::setProperty);
		if (!violation.fieldErrors().isEmpty()) {
			body.setProperty("errors", violation.fieldErrors()
				.stream()
				.map((e) -> new ProblemException.FieldError(e.field(), fieldMessage(e, locale)))
				.toList());
		}
		HttpHeaders headers = null;
		if (violation.retryAfterSeconds() != null) {
			headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(violation.retryAfterSeconds()));
		}
		return respond(body, headers);
	}

	/** The status of each kind of refusal; the one place where the domain's refusals meet HTTP. */
	public static HttpStatus status(RuleViolation.Kind kind) {
		return HttpStatus.valueOf(kind.status());
	}

	private static String kindCode(RuleViolation.Kind kind) {
		return switch (kind) {
			case INVALID -> "validation";
			case NOT_FOUND -> "not-found";
			case CONFLICT -> "conflict";
			case FORBIDDEN -> "forbidden";
			case UNAUTHENTICATED -> "unauthenticated";
			case BAD_REQUEST -> "bad-request";
			case GONE -> "gone";
			case LOCKED -> "locked";
			case TOO_MANY_REQUESTS -> "too-many-requests";
			case TOO_LARGE -> "too-large";
			case UNAVAILABLE -> "unavailable";
		};
	}

	/** {@code rule.<rule>}, else the rule's problem title, else the rule as given. */
	private String fieldMessage(RuleViolation.FieldError error, Locale locale) {
		String message = message("rule." + error.rule(), error.args(), locale, null);
		if (message == null) {
			message = message("problem." + error.rule() + ".title", error.args(), locale, null);
		}
		return (message != null) ? message : error.rule();
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	public ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex, HttpServletRequest request) {
		return respond(detail(HttpStatus.CONFLICT, "concurrent-change", new Object[0], request), null);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	public ResponseEntity<Object> duplicate(DuplicateKeyException ex, HttpServletRequest request) {
		return respond(detail(HttpStatus.CONFLICT, "duplicate", new Object[0], request), null);
	}

	/** The store did not answer (SPEC section 5): a fast 503 to retry, never a 500 or a hung request. */
	@ExceptionHandler(DataAccessResourceFailureException.class)
	public ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException ex, HttpServletRequest request) {
		log.warn("The store did not answer on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMostSpecificCause().toString());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(STORE_RETRY_AFTER_SECONDS));
		return respond(detail(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", new Object[0], request), headers);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	public ResponseEntity<Object> denied(RuntimeException ex, HttpServletRequest request) {
		return respond(detail(HttpStatus.FORBIDDEN, "forbidden", new Object[0], request), null);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	public ResponseEntity<Object> constraint(ConstraintViolationException ex, HttpServletRequest request) {
		List<ProblemException.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((v) -> new ProblemException.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		ProblemDetail body = detail(HttpStatus.UNPROCESSABLE_CONTENT, "validation", new Object[0], request);
		body.setProperty("errors", errors);
		return respond(body, null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		ProblemDetail body = detail(HttpStatus.BAD_REQUEST, "invalid-parameter", new Object[] { ex.getName() },
				request);
		body.setProperty("errors", List.of(new ProblemException.FieldError(ex.getName(),
				message("field.invalid-value", new Object[0], locale(request), "invalid value"))));
		return respond(body, null);
	}

	@ExceptionHandler(Exception.class)
	public ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], request), null);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		HttpServletRequest servlet = servletRequest(request);
		Throwable cause = databindCause(ex);
		if (cause instanceof DatabindException mapping) {
			ProblemDetail body = detail(HttpStatus.BAD_REQUEST, "invalid-body", new Object[0], servlet);
			body.setProperty("errors",
					List.of(new ProblemException.FieldError(path(mapping), reason(mapping, locale(servlet)))));
			return respond(body, null);
		}
		if (ex.getMostSpecificCause() instanceof PayloadTooLargeException) {
			return respond(detail(HttpStatus.CONTENT_TOO_LARGE, "too-large", new Object[0], servlet), null);
		}
		return respond(detail(HttpStatus.BAD_REQUEST, "malformed-body", new Object[0], servlet), null);
	}

	/** Why a value could not be read, in the request's language (SPEC 5: field messages too). */
	private String reason(DatabindException mapping, Locale locale) {
		Class<?> target = (mapping instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		if (target != null && target.isEnum()) {
			return message("field.one-of", new Object[] { java.util.Arrays.toString(target.getEnumConstants()) },
					locale, "must be one of " + java.util.Arrays.toString(target.getEnumConstants()));
		}
		String expected = (target == null) ? null
				: (target == boolean.class || target == Boolean.class) ? "boolean"
						: (CharSequence.class.isAssignableFrom(target)) ? "string"
								: (target.isPrimitive() || Number.class.isAssignableFrom(target)) ? "number" : null;
		if (expected != null) {
			return message("field.wrong-type", new Object[] { expected }, locale, "wrong type: expected " + expected);
		}
		return (mapping instanceof MismatchedInputException)
				? message("field.wrong-shape", new Object[0], locale, "wrong type or shape")
				: message("field.invalid-value", new Object[0], locale, "invalid value");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		List<ProblemException.FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((e) -> errors.add(new ProblemException.FieldError(e.getField(),
					this.messages.getMessage(e, locale(servletRequest(request))))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((e) -> errors.add(new ProblemException.FieldError(e.getObjectName(),
					this.messages.getMessage(e, locale(servletRequest(request))))));
		ProblemDetail body = detail(HttpStatus.UNPROCESSABLE_CONTENT, "validation", new Object[0],
				servletRequest(request));
		body.setProperty("errors", errors);
		return respond(body, null);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		List<ProblemException.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((r) -> r.getResolvableErrors()
				.forEach((e) -> errors.add(new ProblemException.FieldError(r.getMethodParameter().getParameterName(),
						this.messages.getMessage(e, locale(servletRequest(request)))))));
		ProblemDetail body = detail(HttpStatus.UNPROCESSABLE_CONTENT, "validation", new Object[0],
				servletRequest(request));
		body.setProperty("errors", errors);
		return respond(body, null);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, org.springframework.web.context.request.WebRequest request) {
		// Spring MVC's own errors (405, 406, 415, missing parameters...) in the same shape.
		HttpServletRequest servlet = servletRequest(request);
		String code = switch (statusCode.value()) {
			case 404 -> "no-such-path";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "too-large";
			case 415 -> "unsupported-media-type";
			default -> "bad-request";
		};
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		ProblemDetail problem = detail((status != null) ? status : HttpStatus.BAD_REQUEST, code, new Object[0],
				servlet);
		return respond(problem, headers);
	}

	/** A problem document in the request's language. Public so filters can answer alike. */
	public ProblemDetail detail(HttpStatus status, String code, Object[] args, HttpServletRequest request) {
		Locale locale = locale(request);
		ProblemDetail body = ProblemDetail.forStatus(status);
		body.setType(URI.create(TYPE_BASE + code));
		body.setTitle(message("problem." + code + ".title", args, locale, status.getReasonPhrase()));
		String detail = message("problem." + code + ".detail", args, locale, null);
		if (detail != null) {
			body.setDetail(detail);
		}
		if (request != null) {
			body.setInstance(URI.create(request.getRequestURI()));
		}
		return body;
	}

	/** A message of the bundles in {@code locale}, or {@code fallback}. */
	public String message(String key, Object[] args, Locale locale, String fallback) {
		try {
			return this.messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

	private static ResponseEntity<Object> respond(ProblemDetail body, HttpHeaders extra) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(body.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (extra != null) {
			extra.forEach((name, values) -> {
				if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
					builder.header(name, values.toArray(String[]::new));
				}
			});
		}
		return builder.body(body);
	}

	/**
	 * The outermost Jackson mapping failure in the chain (a bad date is a mapping failure caused by
	 * the JDK's parse exception); {@code null} for syntax errors, which are malformed bodies.
	 */
	private static Throwable databindCause(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof tools.jackson.core.exc.StreamReadException) {
				return null;
			}
			if (t instanceof DatabindException) {
				return t;
			}
		}
		return null;
	}

	/** ja unless the client prefers English (the terms are Japanese; so is the default audience). */
	public static Locale locale(HttpServletRequest request) {
		if (request == null) {
			return Locale.JAPANESE;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (accept == null || accept.isBlank()) {
			return Locale.JAPANESE;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), List.of(Locale.JAPANESE, Locale.ENGLISH));
			return (best != null) ? best : Locale.JAPANESE;
		}
		catch (IllegalArgumentException ex) {
			return Locale.JAPANESE;
		}
	}

	private static HttpServletRequest servletRequest(org.springframework.web.context.request.WebRequest request) {
		if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
			return servlet.getRequest();
		}
		return null;
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "$" : path.toString();
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}
}
