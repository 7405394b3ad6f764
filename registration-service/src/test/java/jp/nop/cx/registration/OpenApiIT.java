package jp.nop.cx.registration;

import java.util.Set;

import jp.nop.cx.test.contract.OpenApiContract;

/** registration's OpenAPI document: complete, valid OpenAPI 3.1, and equal to docs/api/registration.openapi.json. */
class OpenApiIT extends RegistrationIntegrationTest implements OpenApiContract {

	@Override
	public Set<String> internalHandlers() {
		// The public backup (partners/me/export) is documented; registration has no internal endpoint.
		return Set.of();
	}
}
