package jp.nop.cx.notification;

import java.util.Set;

import jp.nop.cx.test.contract.OpenApiContract;

/** notification's OpenAPI document: complete, valid OpenAPI 3.1, and equal to docs/api/notification.openapi.json. */
class OpenApiIT extends NotificationIT implements OpenApiContract {

	@Override
	public Set<String> internalHandlers() {
		// The backup export (Art. 5, 6) is called by registration-service only, never routed.
		return Set.of("ExportController#export");
	}
}
