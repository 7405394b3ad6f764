package jp.nop.cx.terms;

import java.util.Set;

import jp.nop.cx.test.contract.OpenApiContract;

/** terms's OpenAPI document: complete, valid OpenAPI 3.1, and equal to docs/api/terms.openapi.json. */
class OpenApiIT extends TermsServiceIntegrationTest implements OpenApiContract {

	@Override
	public Set<String> internalHandlers() {
		// The backup export (Art. 5, 6) is called by registration-service only, never routed.
		return Set.of("PartnerExportController#export");
	}
}
