package jp.nop.cx.platform.openapi;

import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.Valid;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The problems an operation can give because of its shape, as the platform's ProblemHandler and
 * request size filter answer them: a body can be malformed, of the wrong types, too large or
 * invalid; a path variable can name nothing; a write can meet a concurrent one. Problems of the
 * service's own rules are declared on the method with {@code @ApiResponse}; they get the Problem
 * body here. 401 and 403 come from {@link AccessCustomizer}, which knows who may call.
 */
class ProblemResponses implements GlobalOperationCustomizer {

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		Parameter[] parameters = handler.getMethod().getParameters();
		boolean body = Arrays.stream(parameters).anyMatch((p) -> p.isAnnotationPresent(RequestBody.class));
		boolean validated = Arrays.stream(parameters)
			.anyMatch((p) -> p.isAnnotationPresent(RequestBody.class)
					&& (p.isAnnotationPresent(Valid.class) || p.isAnnotationPresent(Validated.class)));
		boolean pathVariables = Arrays.stream(parameters).anyMatch((p) -> p.isAnnotationPresent(PathVariable.class));
		boolean inputs = pathVariables || Arrays.stream(parameters)
			.anyMatch((p) -> p.isAnnotationPresent(RequestParam.class) || p.isAnnotationPresent(RequestHeader.class));
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		boolean write = mapping != null && Arrays.stream(mapping.method()).anyMatch(WRITES::contains);

		ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
		if (body) {
			Problems.add(responses, "400",
					"`malformed-body`: not JSON; `invalid-body`: a value of the wrong type, an unknown enum value"
							+ " or an object where a value belongs (`errors` names the field).");
			Problems.add(responses, "413", "`too-large`: the body is over the size limit.");
			Problems.add(responses, "415", "`unsupported-media-type`: send `Content-Type: application/json`.");
		}
		else if (inputs) {
			Problems.add(responses, "400", "`invalid-parameter`: a parameter of the wrong type or form.");
		}
		if (validated) {
			Problems.add(responses, "422", "`validation`: the body breaks a field rule; `errors` lists each field.");
		}
		if (pathVariables) {
			Problems.add(responses, "404", "`not-found`: nothing of that ID that the caller may see.");
		}
		if (write) {
			Problems.add(responses, "409", "`concurrent-change` or `duplicate`: retry after reading again.");
		}
		// A declared error response is a problem, whatever springdoc derived from the return type.
		for (var entry : responses.entrySet()) {
			ApiResponse response = entry.getValue();
			if (entry.getKey().matches("[45]\\d\\d") && (response.getContent() == null
					|| !response.getContent().containsKey(Problems.MEDIA_TYPE) || response.getContent().size() > 1)) {
				response.content(Problems.content());
			}
		}
		operation.setResponses(responses);
		return operation;
	}
}
