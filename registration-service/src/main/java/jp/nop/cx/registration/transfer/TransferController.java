package jp.nop.cx.registration.transfer;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.TransferStatus;
import jp.nop.cx.registration.partner.TransferView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Transfer of status (Art. 17): the partner asks, NOP consents or refuses. */
@RestController
class TransferController {

	private final TransferService transfers;

	TransferController(TransferService transfers) {
		this.transfers = transfers;
	}

	@Operation(summary = "Request consent to transfer the partner status (Art. 17) / 地位の譲渡を申請する",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping("/api/v1/partners/me/transfers")
	ResponseEntity<TransferView> request(@Valid @RequestBody TransferForm form, CxPrincipal principal) {
		principal.requirePartnerAdmin();
		TransferView transfer = this.transfers.request(principal.requirePartnerId(),
				form.transferee().toTransferee(), form.reason(), principal.loginId());
		return ResponseEntity.created(URI.create("/api/v1/transfers/" + transfer.id())).body(transfer);
	}

	@Operation(summary = "The partner's transfer requests / 自社の譲渡申請")
	@GetMapping("/api/v1/partners/me/transfers")
	Mine mine(CxPrincipal principal) {
		return new Mine(this.transfers.ofPartner(principal.requirePartnerId()));
	}

	@Operation(summary = "List transfer requests / 譲渡申請の一覧")
	@GetMapping("/api/v1/transfers")
	Listing<TransferView> list(@RequestParam(required = false) TransferStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.transfers.list(status, page, size);
	}

	@Operation(summary = "One transfer request / 譲渡申請の詳細")
	@GetMapping("/api/v1/transfers/{id}")
	TransferView get(@PathVariable String id) {
		return this.transfers.get(id);
	}

	@Operation(summary = "Consent to a transfer (Art. 17) / 譲渡を承諾する")
	@PostMapping("/api/v1/transfers/{id}/consent")
	TransferView consent(@PathVariable String id, CxPrincipal operator) {
		return this.transfers.consent(id, operator.loginId());
	}

	@Operation(summary = "Refuse a transfer / 譲渡を拒否する")
	@PostMapping("/api/v1/transfers/{id}/refusal")
	TransferView refuse(@PathVariable String id, @Valid @RequestBody(required = false) RefusalForm form,
			CxPrincipal operator) {
		return this.transfers.refuse(id, (form != null) ? form.reason() : null, operator.loginId());
	}

	/** The partner's own requests, newest last. */
	record Mine(List<TransferView> items) {
	}
}
