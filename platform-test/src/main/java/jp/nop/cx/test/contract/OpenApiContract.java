package jp.nop.cx.test.contract;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 5 (Contracts) as one test every service runs: its OpenAPI document, served at
 * {@code /v3/api-docs}, documents every handler method of every {@code @RestController} with a
 * summary, validates as OpenAPI 3.1, and equals the committed copy
 * {@code docs/api/<service>.openapi.json} from which front ends generate their clients.
 * <p>
 * A service's {@code OpenApiIT} implements this interface, extends its module's IT base class and
 * names only what differs: its {@link #internalHandlers()}. The port, the application context and
 * the document's name ({@code spring.application.name} without {@code -service}) come from the
 * Spring context the test runs in.
 * After a deliberate change of the API, refresh the committed copies with
 * {@code ./mvnw -B verify -Dcx.api.write=true -Dit.test='OpenApiIT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * and commit them with the change.
 */
public interface OpenApiContract {

	/** System property that makes {@link #documentIsInStepWithTheCommittedCopy} write the copy. */
	String WRITE_PROPERTY = "cx.api.write";

	/**
	 * Handler methods left out of the document on purpose ({@code Class#method}), each marked
	 * {@code @Hidden}: the internal export endpoints that the gateway does not route.
	 */
	Set<String> internalHandlers();

	@Test
	default void documentIsInStepWithTheCommittedCopy(ApplicationContext context) throws IOException {
		String served = OpenApiDocuments.normalise(served(context));
		Path committed = OpenApiDocuments.committedCopy(documentName(context) + ".openapi.json");
		if (Boolean.getBoolean(WRITE_PROPERTY)) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, served, StandardCharsets.UTF_8);
		}
		assertThat(committed).as("committed copy %s (refresh: %s)", committed, OpenApiDocuments.REFRESH).exists();
		assertThat(served).as("the served document differs from %s; refresh with %s", committed,
				OpenApiDocuments.REFRESH)
			.isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
	}

	@Test
	default void everyHandlerIsDocumentedWithASummary(ApplicationContext context) {
		JsonNode paths = OpenApiDocuments.json(served(context)).path("paths");
		List<String> missing = new ArrayList<>();
		Set<String> hidden = new TreeSet<>();
		for (RequestMappingHandlerMapping mapping : context
			.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				if (!isOwnRestController(handler)) {
					return;
				}
				String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
				if (isHidden(handler)) {
					hidden.add(name);
					return;
				}
				for (String path : patterns(info)) {
					for (String method : methods(info)) {
						JsonNode operation = paths.path(path).path(method);
						if (operation.isMissingNode()) {
							missing.add(method.toUpperCase() + " " + path + " (" + name + ")");
						}
						else if (operation.path("summary").asString("").isBlank()) {
							missing.add(method.toUpperCase() + " " + path + " (" + name + ") has no summary");
						}
					}
				}
			});
		}
		assertThat(missing).as("handlers missing from /v3/api-docs").isEmpty();
		assertThat(hidden).as("@Hidden handlers must be exactly the declared internal ones")
			.containsExactlyInAnyOrderElementsOf(internalHandlers());
	}

	@Test
	default void documentIsValidOpenApi31(ApplicationContext context) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(served(context), null, options);
		assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
	}

	/** The document as the service under test serves it now. */
	private static String served(ApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as("GET /v3/api-docs without a token: %s", response.body())
				.isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code registration} for registration-service: the name under {@code docs/api/}. */
	private static String documentName(ApplicationContext context) {
		String application = context.getEnvironment().getRequiredProperty("spring.application.name");
		return application.endsWith("-service") ? application.substring(0, application.length() - "-service".length())
				: application;
	}

	private static boolean isOwnRestController(HandlerMethod handler) {
		// The platform's own error path (/error) is not an operation of any service's API.
		return handler.getBeanType().getName().startsWith("jp.nop.cx.")
				&& !handler.getBeanType().getName().startsWith("jp.nop.cx.platform.")
				&& AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class);
	}

	private static boolean isHidden(HandlerMethod handler) {
		Method method = handler.getMethod();
		return AnnotatedElementUtils.hasAnnotation(method, Hidden.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Hidden.class);
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return info.getPatternValues();
	}

	private static List<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (methods.isEmpty()) {
			return List.of("get");
		}
		return methods.stream().map((m) -> m.name().toLowerCase()).sorted().toList();
	}
}
