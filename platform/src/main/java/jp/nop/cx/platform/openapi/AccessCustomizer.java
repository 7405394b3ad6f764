package jp.nop.cx.platform.openapi;

import java.util.List;
import java.util.function.Supplier;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Marks each operation anonymous (empty {@code security}) or bearer-JWT with the roles that may
 * call it, as {@link AccessRules} finds them in the service's security rules, and adds the 401
 * and 403 problems a protected operation can give.
 */
class AccessCustomizer implements GlobalOpenApiCustomizer {

	/** Extension listing the roles that may call an operation. */
	static final String ROLES_EXTENSION = "x-cx-roles";

	private final Supplier<AccessRules> rules;

	AccessCustomizer(Supplier<AccessRules> rules) {
		this.rules = rules;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		AccessRules access = this.rules.get();
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			AccessRules.Access found = access.accessTo(method.name(), path);
			describe(operation, found);
		}));
	}

	private static void describe(Operation operation, AccessRules.Access access) {
		String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
		if (access.anonymous()) {
			operation.setSecurity(List.of());
			operation.setDescription(description + "**Access:** anonymous (no token needed).");
			operation.addExtension(ROLES_EXTENSION, List.of());
			return;
		}
		operation.setSecurity(List.of(new SecurityRequirement().addList(OpenApiAutoConfiguration.BEARER_JWT)));
		String roles = access.roles().isEmpty() ? "none of the portal's roles (internal)"
				: String.join(", ", access.roles());
		operation.setDescription(description + "**Access:** bearer JWT with a role of " + roles
				+ ". Partner users reach only their own partner's data (`partner_id`).");
		operation.addExtension(ROLES_EXTENSION, access.roles());
		ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
		Problems.add(responses, "401", "`unauthenticated`: no token, or an expired, revoked or foreign one.");
		Problems.add(responses, "403", "`forbidden`: the token's role or partner may not do this.");
		operation.setResponses(responses);
	}

}
