package jp.nop.cx.enforcement.cases;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jp.nop.cx.platform.security.CxPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases, measures, damage claims and resolutions (Art. 7), for operators. */
@RestController
@RequestMapping("/api/v1/enforcement/cases")
class CaseController {

	private final CaseService cases;

	private final CaseQueries queries;

	CaseController(CaseService cases, CaseQueries queries) {
		this.cases = cases;
		this.queries = queries;
	}

	@PostMapping
	ResponseEntity<CaseView> open(@Valid @RequestBody CaseRequests.OpenCase body, CxPrincipal principal) {
		EnforcementCase kase = this.cases.open(body.partnerId(), body.category(), body.description(), body.evidence(),
				principal.loginId());
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + kase.getCaseId()))
			.body(CaseView.of(kase));
	}

	@GetMapping
	CaseView.Page list(
			@RequestParam(required = false) @Pattern(regexp = CaseRequests.PARTNER_ID) String partnerId,
			@RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return CaseView.Page.of(this.queries.findCases(partnerId, status, page, size));
	}

	@GetMapping("/{id}")
	CaseView get(@PathVariable String id) {
		return CaseView.of(this.queries.findCase(id));
	}

	@PostMapping("/{id}/measures")
	ResponseEntity<CaseView.MeasureView> impose(@PathVariable String id,
			@Valid @RequestBody CaseRequests.ImposeMeasure body, CxPrincipal principal) {
		CaseService.InCase<Measure> imposed = this.cases.impose(id, body.toOrder(), principal.loginId());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(CaseView.MeasureView.of(imposed.kase(), imposed.change()));
	}

	@PostMapping("/{id}/damage-claims")
	ResponseEntity<CaseView.DamageClaimView> claimDamages(@PathVariable String id,
			@Valid @RequestBody CaseRequests.ClaimDamages body, CxPrincipal principal) {
		CaseService.InCase<DamageClaim> claimed = this.cases.claimDamages(id, body.amount().longValueExact(),
				body.description(), principal.loginId());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(CaseView.DamageClaimView.of(claimed.kase(), claimed.change()));
	}

	@PostMapping("/{id}/resolution")
	CaseView resolve(@PathVariable String id, @Valid @RequestBody CaseRequests.Resolve body, CxPrincipal principal) {
		return CaseView.of(this.cases.resolve(id, body.resumeAt(), body.note(), principal.loginId()));
	}
}
