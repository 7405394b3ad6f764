package jp.nop.cx.registration;

import java.util.Set;

import jp.nop.cx.test.contract.OpenApiContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** registration's OpenAPI document: complete, valid OpenAPI 3.1, and equal to docs/api/registration.openapi.json. */
class OpenApiIT extends RegistrationIntegrationTest implements OpenApiContract {

	@Autowired
	private ApplicationContext context;

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String documentName() {
		return "registration";
	}

	@Override
	public ApplicationContext applicationContext() {
		return this.context;
	}

	@Override
	public Set<String> internalHandlers() {
		// The public backup (partners/me/export) is documented; registration has no internal endpoint.
		return Set.of();
	}
}
