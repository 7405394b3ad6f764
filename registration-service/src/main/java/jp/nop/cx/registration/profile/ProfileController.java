package jp.nop.cx.registration.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.PartnerView;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registration information (Art. 3): the partner's own ({@code /me}) and, for NOP, every partner's. */
@RestController
@RequestMapping("/api/v1/partners")
class ProfileController {

	private final ProfileService profiles;

	ProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@Operation(summary = "The partner's registration info / 自社の登録情報")
	@GetMapping("/me")
	PartnerView mine(CxPrincipal principal) {
		return this.profiles.get(principal.requirePartnerId());
	}

	@Operation(summary = "Update the registration info (Art. 3.3) / 登録情報を変更する")
	@PatchMapping("/me")
	PartnerView update(@Valid @RequestBody RegistrationInfoPatch patch, CxPrincipal principal) {
		principal.requirePartnerAdmin();
		return this.profiles.update(principal.requirePartnerId(), patch, principal.loginId());
	}

	@Operation(summary = "List partners / パートナーの一覧")
	@GetMapping
	Listing<PartnerView> list(@RequestParam(required = false) PartnerListStatus status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String corporateNumber,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.profiles.list(status, q, corporateNumber, page, size);
	}

	@Operation(summary = "One partner / パートナーの詳細")
	@GetMapping("/{partnerId}")
	PartnerView get(@PathVariable String partnerId) {
		return this.profiles.get(partnerId);
	}
}
