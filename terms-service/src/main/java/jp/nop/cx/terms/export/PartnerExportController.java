package jp.nop.cx.terms.export;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.terms.acceptance.AcceptanceService;
import jp.nop.cx.terms.acceptance.AcceptanceView;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Art. 5, 6: this service's part of the partner's backup (its acceptances of the terms), called by
 * registration-service with the partner's own token. Not routed by the gateway.
 */
@RestController
class PartnerExportController {

	private final AcceptanceService acceptances;

	private final Clock clock;

	PartnerExportController(AcceptanceService acceptances, Clock clock) {
		this.acceptances = acceptances;
		this.clock = clock;
	}

	// Internal: not routed by the gateway, so not in the public contract (OpenApiIT lists it).
	@Hidden
	@GetMapping("/internal/v1/partners/{partnerId}/export")
	PartnerExport export(@PathVariable String partnerId, CxPrincipal principal) {
		// 404, not 403, for another partner's data: nothing confirms that it exists.
		principal.requireAccessTo(partnerId);
		return new PartnerExport("terms-service", partnerId, this.clock.instant(),
				this.acceptances.ofPartner(partnerId).stream().map(AcceptanceView::of).toList());
	}

	record PartnerExport(String service, String partnerId, Instant exportedAt, List<AcceptanceView> acceptances) {
	}
}
