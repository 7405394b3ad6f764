package jp.nop.cx.terms.compliance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.terms.compliance.ComplianceReport.Compliance;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For operators: how far the partners have accepted the terms in force (Art. 16.3). */
@RestController
class ComplianceController {

	private final ComplianceReport report;

	ComplianceController(ComplianceReport report) {
		this.report = report;
	}

	@Operation(summary = "Which partners accepted which version / 同意状況")
	@GetMapping("/api/v1/terms/compliance")
	Compliance compliance(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, CxPrincipal principal) {
		principal.requireOperator();
		return this.report.now(page, size);
	}
}
