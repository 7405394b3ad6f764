package jp.nop.cx.gateway.contract;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import jp.nop.cx.platform.openapi.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document ({@code /v3/api-docs/gateway}): what it serves itself
 * (readiness, the contracts) and the problems it answers on every {@code /api/v1} operation before
 * a service sees the request: 401, 403 naming the measure, 429 with the RateLimit headers, 503
 * and 410 from the service status. The services' documents describe the operations themselves.
 */
@Configuration(proxyBeanMethods = false)
class GatewayOpenApi {

	static final List<String> SERVICES = List.of("registration", "identity", "terms", "enforcement", "notification");

	@Bean
	OpenAPI gatewayDocument() {
		return new OpenAPI()
			.info(new Info().title("gateway")
				.version("v1")
				.description("""
						The CX Portal's one entrance. Every `/api/v1` operation of the five services' documents \
						is called here; besides each operation's own problems, the gateway may answer any of \
						them with the responses under `components.responses`: `GatewayUnauthorized` (401), \
						`PartnerSuspended` (403, names the measure), `RateLimited` (429), \
						`ServiceUnavailable` (503) and `ServiceDiscontinued` (410). Every answer carries \
						`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`."""))
			.addServersItem(new Server().url("/").description("this gateway"));
	}

	@Bean
	OpenApiCustomizer gatewayPaths() {
		return (openApi) -> {
			Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
			components.addSchemas(Problems.PROBLEM, Problems.problemSchema())
				.addSchemas(Problems.FIELD_ERROR, Problems.fieldErrorSchema())
				.addSchemas("Health", new Schema<>().type("object")
					.addProperty("status", new StringSchema()._enum(List.of("UP", "DOWN", "OUT_OF_SERVICE")))
					.example(Map.of("status", "UP")))
				.addHeaders("RateLimit-Limit", header("Requests allowed in the current window.", new IntegerSchema()))
				.addHeaders("RateLimit-Remaining", header("Requests left in the current window.", new IntegerSchema()))
				.addHeaders("RateLimit-Reset", header("Seconds until the window resets.", new IntegerSchema()))
				.addHeaders("Retry-After", header("Seconds to wait before trying again.", new IntegerSchema()))
				.addResponses("GatewayUnauthorized", Problems.response(
						"`unauthenticated`: a protected operation without a valid token (missing, expired, revoked"
								+ " after a loss report, or signed by an unknown key)."))
				.addResponses("PartnerSuspended", Problems.response(
						"`partner-suspended` (Art. 7.2): the partner is suspended for this capability. Members"
								+ " `partnerId`, `measureId`, `caseId`, `scope` (`all` or `capabilities`),"
								+ " `capability`, `standing` (where to read the standing)."))
				.addResponses("RateLimited", Problems.response(
						"`rate-limited` (Art. 7.1(3)): over the partner's (or, anonymous, the client address's)"
								+ " limit, lowered by a throttle measure (Art. 7.2(3)).")
					.headers(Map.of("Retry-After", ref("Retry-After"), "RateLimit-Limit", ref("RateLimit-Limit"),
							"RateLimit-Remaining", ref("RateLimit-Remaining"), "RateLimit-Reset",
							ref("RateLimit-Reset"))))
				.addResponses("ServiceUnavailable", Problems.response(
						"`service-interrupted` (Art. 8), `service-maintenance` (Art. 10, with Retry-After),"
								+ " `service-restricted` (Art. 11.3, writes only) or `service-unavailable` (the"
								+ " service does not answer). Members `eventId`, `kind`, `reason`, `capability`,"
								+ " `startsAt`, `endsAt`.")
					.headers(Map.of("Retry-After", ref("Retry-After"))))
				.addResponses("ServiceDiscontinued", Problems.response(
						"`service-discontinued` (Art. 9): the capability was discontinued with notice."));
			openApi.setComponents(components);

			Paths paths = new Paths();
			paths.addPathItem("/actuator/health/readiness", new PathItem().get(anonymous(new Operation()
				.operationId("readiness")
				.summary("UP only when every service is ready and enforcement state is loaded / 準備状態")
				.responses(new ApiResponses().addApiResponse("200", health("Ready"))
					.addApiResponse("503", health("Not ready yet"))))));
			paths.addPathItem("/actuator/health/liveness", new PathItem().get(anonymous(new Operation()
				.operationId("liveness")
				.summary("The gateway process is alive / 稼働確認")
				.responses(new ApiResponses().addApiResponse("200", health("Alive"))))));
			paths.addPathItem("/asyncapi.yaml", new PathItem().get(anonymous(new Operation()
				.operationId("asyncApi")
				.summary("AsyncAPI 3.0 document of every topic / イベント仕様 (AsyncAPI)")
				.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("AsyncAPI 3.0")
					.content(new Content().addMediaType("application/yaml",
							new MediaType().schema(new StringSchema()))))))));
			paths.addPathItem("/v3/api-docs/{service}", new PathItem().get(anonymous(new Operation()
				.operationId("serviceApiDocs")
				.summary("A service's OpenAPI 3.1 document / サービスのAPI仕様")
				.addParametersItem(new Parameter().in("path")
					.name("service")
					.required(true)
					.schema(new StringSchema()._enum(SERVICES)))
				.responses(new ApiResponses()
					.addApiResponse("200", new ApiResponse().description("OpenAPI 3.1")
						.content(new Content().addMediaType("application/json",
								new MediaType().schema(new Schema<>().type("object")))))
					.addApiResponse("429", new ApiResponse().$ref("#/components/responses/RateLimited"))
					.addApiResponse("503", new ApiResponse().$ref("#/components/responses/ServiceUnavailable"))))));
			openApi.setPaths(paths);
		};
	}

	private static Operation anonymous(Operation operation) {
		return operation.security(List.of()).description("**Access:** anonymous (no token needed).");
	}

	private static ApiResponse health(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Health"))));
	}

	private static Header header(String description, Schema<?> schema) {
		return new Header().description(description).schema(schema);
	}

	private static Header ref(String name) {
		return new Header().$ref("#/components/headers/" + name);
	}
}
