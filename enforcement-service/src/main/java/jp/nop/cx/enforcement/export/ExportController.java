package jp.nop.cx.enforcement.export;

import java.time.Clock;
import java.util.List;

import jp.nop.cx.enforcement.cases.CaseQueries;
import jp.nop.cx.enforcement.cases.EnforcementRecord;
import jp.nop.cx.enforcement.cases.PartnerCaseView;
import jp.nop.cx.enforcement.cases.Standing;
import jp.nop.cx.enforcement.standing.StandingView;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enforcement part of the partner's backup (Art. 5, 6), called by registration-service with
 * the partner's own token (or an operator's). Not routed by the gateway.
 */
@RestController
class ExportController {

	private final CaseQueries queries;

	private final Clock clock;

	ExportController(CaseQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	// Internal: not routed by the gateway, so not in the public contract (OpenApiIT lists it).
	@Hidden
	@GetMapping("/internal/v1/partners/{partnerId}/export")
	PartnerExport export(@PathVariable String partnerId, CxPrincipal principal) {
		// Another partner's data answers 404, so its existence is not confirmed either.
		principal.requireAccessTo(partnerId);
		var record = this.queries.findRecord(partnerId);
		Standing standing = record.map(EnforcementRecord::standing).orElse(Standing.good(null));
		List<PartnerCaseView> cases = record
			.map((r) -> r.cases().stream().map(PartnerCaseView::of).toList())
			.orElse(List.of());
		return new PartnerExport(partnerId, this.clock.instant(), StandingView.of(partnerId, standing), cases);
	}
}
