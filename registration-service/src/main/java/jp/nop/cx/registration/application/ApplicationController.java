package jp.nop.cx.registration.application;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.web.ClientInfo;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.Partner;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications (Art. 3, anonymous) and their review by NOP (Art. 2.1, operators). */
@RestController
@RequestMapping("/api/v1/registrations")
class ApplicationController {

	private final ApplicationService applications;

	ApplicationController(ApplicationService applications) {
		this.applications = applications;
	}

	@PostMapping
	ResponseEntity<Submitted> apply(@Valid @RequestBody ApplicationForm form, ClientInfo client) {
		Partner application = this.applications.submit(form, client.address(), client.userAgent());
		return ResponseEntity.created(URI.create("/api/v1/registrations/" + application.id()))
			.body(new Submitted(application.id(), ApplicationStatus.SUBMITTED));
	}

	@GetMapping
	Listing<ApplicationView> list(@RequestParam(required = false) ApplicationStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.applications.list(status, page, size);
	}

	@GetMapping("/{id}")
	ApplicationView get(@PathVariable String id) {
		return this.applications.get(id);
	}

	@PostMapping("/{id}/approval")
	Approved approve(@PathVariable String id, CxPrincipal operator) {
		return new Approved(this.applications.approve(id, operator.loginId()));
	}

	@PostMapping("/{id}/rejection")
	ApplicationView reject(@PathVariable String id, @Valid @RequestBody RejectionForm form, CxPrincipal operator) {
		return this.applications.reject(id, form.reason(), operator.loginId());
	}

	record Submitted(String id, ApplicationStatus status) {
	}

	record Approved(String partnerId) {
	}
}
