package jp.nop.cx.enforcement.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading the audit trail (Art. 4.2, 7.2): operators search all of it and verify the chain; a
 * partner's administrator reads its own company's entries (Art. 4.2: acts by its IDs are its own).
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	/** Plain IDs only: nothing a client sends becomes a query operator. */
	static final String ID = "[A-Za-z0-9._@:-]{1,128}";

	private final AuditQueries queries;

	private final AuditTrail trail;

	AuditController(AuditQueries queries, AuditTrail trail) {
		this.queries = queries;
		this.trail = trail;
	}

	@Operation(summary = "Search the audit trail (Art. 4.2, 7.2) / 監査証跡を検索する")
	@GetMapping
	AuditEntryView.Page search(@RequestParam(required = false) @Pattern(regexp = ID) String partnerId,
			@RequestParam(required = false) @Pattern(regexp = ID) String loginId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) @Size(max = 300) String action,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return AuditEntryView.Page.of(this.queries.find(filter(partnerId, loginId, from, to, action), page, size));
	}

	/** PARTNER_ADMIN only (security rules): its own company's entries. */
	@Operation(summary = "The company's own audit trail / 自社の操作履歴")
	@GetMapping("/me")
	AuditEntryView.Page own(CxPrincipal principal, @RequestParam(required = false) @Pattern(regexp = ID) String loginId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) @Size(max = 300) String action,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		principal.requirePartnerAdmin();
		String partnerId = principal.requirePartnerId();
		return AuditEntryView.Page.of(this.queries.find(filter(partnerId, loginId, from, to, action), page, size));
	}

	@Operation(summary = "Verify the hash chain of the trail / 改ざん検査")
	@GetMapping("/verification")
	ChainVerification.Report verification(@RequestParam(required = false) @Min(1) Long fromSequence) {
		return this.trail.verify(fromSequence);
	}

	private static AuditQueries.Filter filter(String partnerId, String loginId, Instant from, Instant to,
			String action) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw RuleViolation.invalid("to", "audit-range-empty");
		}
		return new AuditQueries.Filter(partnerId, loginId, from, to, action);
	}
}
