package jp.nop.cx.enforcement.standing;

import jp.nop.cx.enforcement.cases.CaseQueries;
import jp.nop.cx.enforcement.cases.Standing;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A partner's standing: any partner's for operators, its own for the partner. */
@RestController
class StandingController {

	private final CaseQueries queries;

	StandingController(CaseQueries queries) {
		this.queries = queries;
	}

	@Operation(summary = "A partner's standing and active measures / パートナーの状態")
	@GetMapping("/api/v1/enforcement/partners/{partnerId}/standing")
	StandingView ofPartner(@PathVariable String partnerId) {
		return this.queries.findRecord(partnerId)
			.map((record) -> StandingView.of(partnerId, record.standing()))
			.orElseThrow(() -> RuleViolation.notFound("partner").with("partnerId", partnerId));
	}

	/** The token's partner exists even if its approval has not reached this service yet: GOOD then. */
	@Operation(summary = "The caller's partner standing and active measures / 自社の状態")
	@GetMapping("/api/v1/enforcement/me/standing")
	StandingView mine(CxPrincipal principal) {
		String partnerId = principal.requirePartnerId();
		return StandingView.of(partnerId,
				this.queries.findRecord(partnerId).map((record) -> record.standing()).orElse(Standing.good(null)));
	}
}
