package jp.nop.cx.enforcement.cases;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

	@Operation(summary = "Open a case against a partner / 案件を開く",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping
	ResponseEntity<CaseView> open(@Valid @RequestBody CaseRequests.OpenCase body, CxPrincipal principal) {
		EnforcementCase kase = this.cases.open(body.partnerId(), body.category(), body.description(), body.evidence(),
				principal.loginId());
		return ResponseEntity.created(URI.create("/api/v1/enforcement/cases/" + kase.caseId()))
			.body(CaseView.of(kase));
	}

	@Operation(summary = "List cases / 案件の一覧")
	@GetMapping
	CaseView.Page list(
			@RequestParam(required = false) @Pattern(regexp = CaseRequests.PARTNER_ID) String partnerId,
			@RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return CaseView.Page.of(this.queries.findCases(partnerId, status, page, size));
	}

	@Operation(summary = "One case with its measures / 案件の詳細")
	@GetMapping("/{id}")
	CaseView get(@PathVariable String id) {
		return CaseView.of(this.queries.findCase(id));
	}

	@Operation(summary = "Impose a measure: warning, suspension, throttling (Art. 7) / 措置を講じる",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping("/{id}/measures")
	ResponseEntity<CaseView.MeasureView> impose(@PathVariable String id,
			@Valid @RequestBody CaseRequests.ImposeMeasure body, CxPrincipal principal) {
		CaseService.InCase<Measure> imposed = this.cases.impose(id, body.toOrder(), principal.loginId());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(CaseView.MeasureView.of(imposed.kase(), imposed.change()));
	}

	@Operation(summary = "Record a damage claim (Art. 7.6) / 損害賠償請求を記録する",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping("/{id}/damage-claims")
	ResponseEntity<CaseView.DamageClaimView> claimDamages(@PathVariable String id,
			@Valid @RequestBody CaseRequests.ClaimDamages body, CxPrincipal principal) {
		CaseService.InCase<DamageClaim> claimed = this.cases.claimDamages(id, body.amount().longValueExact(),
				body.description(), principal.loginId());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(CaseView.DamageClaimView.of(claimed.kase(), claimed.change()));
	}

	@Operation(summary = "Resolve a case now or at a time (Art. 7.5) / 案件を解決する")
	@PostMapping("/{id}/resolution")
	CaseView resolve(@PathVariable String id, @Valid @RequestBody CaseRequests.Resolve body, CxPrincipal principal) {
		return CaseView.of(this.cases.resolve(id, body.resumeAt(), body.note(), body.internalNote(),
				principal.loginId()));
	}

	/** Art. 7.5: agreement to the partner's proposal resolves the case with the proposed time. */
	@Operation(summary = "Agree to a resumption proposal: resolved at the proposed time (Art. 7.5) / 再開の申出に合意する")
	@PostMapping("/{id}/proposals/{proposalId}/agreement")
	CaseView agree(@PathVariable String id, @PathVariable String proposalId,
			@Valid @RequestBody(required = false) CaseRequests.Agree body, CxPrincipal principal) {
		CaseRequests.Agree agreement = (body != null) ? body : new CaseRequests.Agree(null, null);
		return CaseView.of(this.cases.agree(id, proposalId, agreement.note(), agreement.internalNote(),
				principal.loginId()));
	}

	/** Art. 7.5: NOP declines with a reason; it may then decide alone through the resolution. */
	@Operation(summary = "Decline a resumption proposal with a reason (Art. 7.5) / 再開の申出に合意しない")
	@PostMapping("/{id}/proposals/{proposalId}/refusal")
	CaseView refuse(@PathVariable String id, @PathVariable String proposalId,
			@Valid @RequestBody CaseRequests.Refuse body, CxPrincipal principal) {
		return CaseView.of(this.cases.refuse(id, proposalId, body.reason(), body.internalNote(), principal.loginId()));
	}
}
