package jp.nop.cx.registration.termination;

import jakarta.validation.Valid;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.registration.partner.Party;
import jp.nop.cx.registration.partner.PartnerView;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Termination by the partner (Art. 12.1) and by NOP with prior notice (Art. 12.2). */
@RestController
class TerminationController {

	private final TerminationService terminations;

	TerminationController(TerminationService terminations) {
		this.terminations = terminations;
	}

	@Operation(summary = "The notice period and the earliest day a termination may take effect / 解約できる最も早い日")
	@GetMapping("/api/v1/partners/me/termination")
	TerminationNotice notice(CxPrincipal principal) {
		return this.terminations.notice(principal.requirePartnerId());
	}

	@Operation(summary = "Give notice of termination (Art. 12.1) / 解約を通知する")
	@PostMapping("/api/v1/partners/me/termination")
	PartnerView give(@Valid @RequestBody TerminationForm form, CxPrincipal principal) {
		principal.requirePartnerAdmin();
		return this.terminations.schedule(principal.requirePartnerId(), Party.PARTNER, form.effectiveOn(), null,
				principal.loginId());
	}

	@Operation(summary = "Withdraw the notice of termination / 解約の通知を取り消す")
	@DeleteMapping("/api/v1/partners/me/termination")
	PartnerView withdraw(CxPrincipal principal) {
		principal.requirePartnerAdmin();
		return this.terminations.withdraw(principal.requirePartnerId(), Party.PARTNER, principal.loginId());
	}

	@Operation(summary = "Terminate a partner with prior notice (Art. 12.2) / 利用契約を解除する")
	@PostMapping("/api/v1/partners/{partnerId}/termination")
	PartnerView terminate(@PathVariable String partnerId, @Valid @RequestBody OperatorTerminationForm form,
			CxPrincipal operator) {
		return this.terminations.schedule(partnerId, Party.NOP, form.effectiveOn(), form.reason(), operator.loginId());
	}

	@Operation(summary = "Withdraw NOP's termination / 解除を取り消す")
	@DeleteMapping("/api/v1/partners/{partnerId}/termination")
	PartnerView withdrawByNop(@PathVariable String partnerId, CxPrincipal operator) {
		return this.terminations.withdraw(partnerId, Party.NOP, operator.loginId());
	}
}
