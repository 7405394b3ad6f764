package jp.nop.cx.enforcement.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jp.nop.cx.platform.security.CxPrincipal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Art. 7.5: the partner's side of its cases: what was decided against it and why, and its
 * proposals for resuming. Always the token's own partner; another partner's case is not found.
 */
@RestController
@RequestMapping("/api/v1/enforcement/me/cases")
class PartnerCaseController {

	private final CaseService cases;

	private final CaseQueries queries;

	PartnerCaseController(CaseService cases, CaseQueries queries) {
		this.cases = cases;
		this.queries = queries;
	}

	/** The partner's cases, newest first. */
	@Operation(summary = "The company's own cases, partner view (Art. 7.5) / 自社の案件")
	@GetMapping
	Items mine(CxPrincipal principal) {
		String partnerId = principal.requirePartnerId();
		List<PartnerCaseView> items = this.queries.findRecord(partnerId)
			.map((record) -> record.cases()
				.stream()
				.sorted(Comparator.comparing(EnforcementCase::openedAt).reversed())
				.map(PartnerCaseView::of)
				.toList())
			.orElse(List.of());
		return new Items(partnerId, items);
	}

	@Operation(summary = "One of the company's own cases, partner view / 自社の案件")
	@GetMapping("/{id}")
	PartnerCaseView one(@PathVariable String id, CxPrincipal principal) {
		return PartnerCaseView.of(this.queries.findCaseOf(principal.requirePartnerId(), id));
	}

	/** Art. 7.5: a statement that the cause is removed and a proposed resumption time (PARTNER_ADMIN). */
	@Operation(summary = "Propose resumption: cause removed, proposed time (Art. 7.5) / 再開を申し出る")
	@PostMapping("/{id}/proposals")
	ResponseEntity<PartnerCaseView.PartnerProposal> propose(@PathVariable String id,
			@Valid @RequestBody CaseRequests.Propose body, CxPrincipal principal) {
		ResumptionProposal proposal = this.cases.propose(principal.requirePartnerId(), id, body.statement(),
				body.proposedResumeAt(), principal.loginId());
		return ResponseEntity.created(URI.create("/api/v1/enforcement/me/cases/" + id))
			.body(PartnerCaseView.PartnerProposal.of(proposal));
	}

	/** The partner's cases. */
	record Items(String partnerId, List<PartnerCaseView> items) {
	}
}
