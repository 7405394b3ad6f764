package jp.nop.cx.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.contract.OpenApiContract;
import jp.nop.cx.test.contract.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 5 at the gateway: the services' OpenAPI documents routed anonymously (and
 * rate-limited), the gateway's own document, Swagger UI over all six, the AsyncAPI document,
 * and CORS for the origins of CX_CORS_ALLOWED_ORIGINS only.
 */
class ContractsIT extends GatewayIntegrationTest {

	@Test
	void eachServiceDocumentIsRoutedToItsServiceAnonymouslyAndRateLimited() {
		for (String service : List.of("registration", "identity", "terms", "enforcement", "notification")) {
			ApiClient.Response docs = gateway().get("/v3/api-docs/" + service);
			assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
			assertThat(docs.json().path("service").asString()).isEqualTo(service);
			assertThat(docs.header("RateLimit-Remaining")).as("rate-limited like any anonymous call").isNotNull();
			assertThat(SERVICES.received(service, "/v3/api-docs")).singleElement()
				.satisfies((r) -> assertThat(r.uri()).isEqualTo("/v3/api-docs"));
		}
	}

	@Test
	void gatewayDocumentIsValidOpenApi31AndInStepWithTheCommittedCopy() throws Exception {
		ApiClient.Response docs = gateway().get("/v3/api-docs/gateway");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.raw(), null, options);
		assertThat(parsed.getMessages()).isEmpty();
		assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
		JsonNode json = docs.json();
		assertThat(json.path("paths").has("/actuator/health/readiness")).isTrue();
		assertThat(json.path("components").path("responses").path("RateLimited").path("headers").propertyNames())
			.contains("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
		assertThat(json.path("components").path("responses").propertyNames()).contains("GatewayUnauthorized",
				"PartnerSuspended", "ServiceUnavailable", "ServiceDiscontinued");

		String served = OpenApiDocuments.normalise(docs.raw());
		Path committed = OpenApiDocuments.committedCopy("gateway.openapi.json");
		if (Boolean.getBoolean(OpenApiContract.WRITE_PROPERTY)) {
			Files.writeString(committed, served, StandardCharsets.UTF_8);
		}
		assertThat(served).as("refresh with %s", OpenApiDocuments.REFRESH)
			.isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
	}

	@Test
	void swaggerUiListsTheSixDocumentsAndTriesThemOutThroughTheGateway() {
		ApiClient.Response entry = gateway().get("/swagger-ui/");
		assertThat(entry.status()).as(entry.toString()).isBetween(301, 308);
		ApiClient.Response config = gateway().get("/v3/api-docs/gateway/swagger-config");
		assertThat(config.status()).as(config.toString()).isEqualTo(200);
		List<String> names = config.json().path("urls").valueStream().map((u) -> u.path("name").asString()).toList();
		assertThat(names).containsExactlyInAnyOrder("gateway", "registration", "identity", "terms", "enforcement",
				"notification");
		ApiClient.Response ui = gateway().get("/webjars/swagger-ui/index.html");
		assertThat(ui.status()).as("Swagger UI itself").isEqualTo(200);
	}

	@Test
	void asyncApiDocumentListsEveryTopic() {
		ApiClient.Response asyncApi = gateway().get("/asyncapi.yaml");
		assertThat(asyncApi.status()).isEqualTo(200);
		assertThat(asyncApi.header("Content-Type")).startsWith("application/yaml");
		assertThat(asyncApi.raw()).startsWith("asyncapi: 3.0.0");
		for (EventType type : EventType.values()) {
			assertThat(asyncApi.raw()).contains("\n  " + type.topic() + ":\n", type.ceType());
		}
	}

	@Test
	void anAllowedOriginGetsItsPreflightAndTheExposedHeaders() {
		ApiClient.Response preflight = ApiClient.at(this.port)
			.header("Origin", ALLOWED_ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,accept-language")
			.send("OPTIONS", "/api/v1/terms/acceptances", null);
		assertThat(preflight.status()).as(preflight.toString()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "PATCH", "DELETE");
		assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization",
				"content-type", "accept-language");

		ApiClient.Response call = gateway().header("Origin", ALLOWED_ORIGIN).get("/api/v1/terms/current");
		assertThat(call.status()).as(call.toString()).isEqualTo(200);
		assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(call.header("Access-Control-Expose-Headers")).contains("Location", "Retry-After",
				"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
	}

	@Test
	void anotherOriginGetsNoCorsHeaders() {
		String other = "https://evil.example.com";
		ApiClient.Response preflight = ApiClient.at(this.port)
			.header("Origin", other)
			.header("Access-Control-Request-Method", "GET")
			.send("OPTIONS", "/api/v1/terms/current", null);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
		ApiClient.Response call = gateway().header("Origin", other).get("/api/v1/terms/current");
		assertThat(call.header("Access-Control-Allow-Origin")).isNull();
	}
}
