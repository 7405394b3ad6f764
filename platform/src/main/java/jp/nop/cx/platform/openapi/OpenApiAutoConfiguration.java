package jp.nop.cx.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.web.ClientInfo;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The shared part of every servlet service's OpenAPI document (SPEC section 5, Contracts): the
 * bearer-JWT scheme, the Problem schema, the problem responses an operation can give and who may
 * call it. A service only annotates its controllers ({@code @Operation(summary = ...)}).
 */
@AutoConfiguration
@ConditionalOnClass({ GlobalOpenApiCustomizer.class, SecurityFilterChain.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

	/** Name of the security scheme every protected operation requires. */
	public static final String BEARER_JWT = "bearerJwt";

	static {
		// Resolved from the token and the connection, never sent by a client as a parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CxPrincipal.class, ClientInfo.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI cxOpenApi(Environment environment) {
		String service = environment.getProperty("spring.application.name", "service");
		return new OpenAPI()
			.info(new Info().title(service)
				.version("v1")
				.description("CX Portal " + service + ". Errors are RFC 9457 `application/problem+json` (schema"
						+ " `Problem`), title and detail in the request's language (`Accept-Language: ja` default,"
						+ " `en`). Call it through the gateway; the gateway adds 429 (rate limits) and 503/410"
						+ " (service status) to every operation, see the gateway's document."))
			// Relative: Swagger UI then sends "Try it out" to the host that served the document,
			// the gateway; and the committed copy holds no host.
			.addServersItem(new Server().url("/").description("the gateway that served this document"))
			.components(new Components()
				.addSecuritySchemes(BEARER_JWT,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("Access token from `POST /api/v1/auth/token` (RS256, identity JWKS);"
									+ " claim `roles` (OPERATOR, PARTNER_ADMIN, PARTNER_MEMBER), `partner_id`"
									+ " for partner users."))
				.addSchemas(Problems.PROBLEM, Problems.problemSchema())
				.addSchemas(Problems.FIELD_ERROR, Problems.fieldErrorSchema()));
	}

	@Bean
	GlobalOperationCustomizer cxProblemResponses() {
		return new ProblemResponses();
	}

	@Bean
	GlobalOpenApiCustomizer cxAccessFromSecurityRules(ObjectProvider<SecurityFilterChain> chains) {
		return new AccessCustomizer(() -> AccessRules.of(chains.orderedStream().toList()));
	}
}
