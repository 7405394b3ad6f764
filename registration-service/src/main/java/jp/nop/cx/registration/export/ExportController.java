package jp.nop.cx.registration.export;

import java.time.LocalDate;

import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.registration.partner.NoticePeriod;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Art. 5, 6: the partner downloads its backup. */
@RestController
class ExportController {

	private final ExportService exports;

	ExportController(ExportService exports) {
		this.exports = exports;
	}

	@Operation(summary = "Backup of everything held about the partner (Art. 5, 6) / データのバックアップ")
	@GetMapping("/api/v1/partners/me/export")
	ResponseEntity<ExportDocument> export(CxPrincipal principal) {
		ExportDocument document = this.exports.export(principal.requirePartnerId(), principal.tokenValue());
		LocalDate day = LocalDate.ofInstant(document.exportedAt(), NoticePeriod.TOKYO);
		String filename = "cx-portal-export-" + document.partnerId() + "-" + day + ".json";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(document);
	}
}
