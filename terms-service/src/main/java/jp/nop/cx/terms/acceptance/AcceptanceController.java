package jp.nop.cx.terms.acceptance;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.web.ClientInfo;
import jp.nop.cx.terms.version.TermsVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner's own acceptances of the terms: accepting in so many words, and the record of all. */
@RestController
@RequestMapping("/api/v1/terms/acceptances")
class AcceptanceController {

	private final AcceptanceService acceptances;

	AcceptanceController(AcceptanceService acceptances) {
		this.acceptances = acceptances;
	}

	/**
	 * Explicit acceptance by one of the partner's IDs (Art. 4.2: its act is the partner's). 201 when
	 * something was recorded; 200 with the record when all of it was accepted already.
	 */
	@Operation(summary = "Accept a version of the terms (201 recorded, 200 already) / 規約に同意する", responses = {
			@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true),
			@ApiResponse(responseCode = "200", description = "Already accepted", useReturnTypeSchema = true) })
	@PostMapping
	ResponseEntity<AcceptanceView> accept(@Valid @RequestBody AcceptRequest request, CxPrincipal principal,
			ClientInfo client) {
		Acceptor acceptor = Acceptor.user(principal.requirePartnerId(), principal.loginId(), client.address(),
				client.userAgent());
		Recorded recorded = this.acceptances.recordExplicit(acceptor, request.version(), request.supplementVersions());
		return ResponseEntity.status(recorded.changed() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(AcceptanceView.of(recorded.acceptance()));
	}

	@Operation(summary = "The partner's acceptances / 自社の同意記録")
	@GetMapping("/me")
	Acceptances mine(CxPrincipal principal) {
		String partnerId = principal.requirePartnerId();
		return new Acceptances(partnerId,
				this.acceptances.ofPartner(partnerId).stream().map(AcceptanceView::of).toList());
	}

	record AcceptRequest(@NotBlank @Pattern(regexp = TermsVersion.VERSION_PATTERN) String version,
			@Size(max = 16) List<@NotBlank @Pattern(regexp = "[A-Za-z]+:" + TermsVersion.VERSION_PATTERN) String> supplementVersions) {
	}

	record Acceptances(String partnerId, List<AcceptanceView> items) {
	}
}
