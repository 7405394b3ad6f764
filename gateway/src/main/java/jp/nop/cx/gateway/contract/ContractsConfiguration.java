package jp.nop.cx.gateway.contract;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The contracts the gateway serves itself (SPEC section 5): {@code GET /asyncapi.yaml}, the
 * committed AsyncAPI document packed into the jar, and {@code /swagger-ui/}, which leads to
 * springdoc's Swagger UI over the six OpenAPI documents.
 */
@Configuration(proxyBeanMethods = false)
class ContractsConfiguration {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@Bean
	RouterFunction<ServerResponse> contracts() {
		ClassPathResource asyncApi = new ClassPathResource("contracts/asyncapi.yaml");
		return RouterFunctions.route()
			.GET("/asyncapi.yaml", (request) -> ServerResponse.ok().contentType(YAML).bodyValue(asyncApi))
			.GET("/swagger-ui/", (request) -> ServerResponse.temporaryRedirect(URI.create("/swagger-ui.html")).build())
			.GET("/swagger-ui", (request) -> ServerResponse.temporaryRedirect(URI.create("/swagger-ui.html")).build())
			.build();
	}
}
