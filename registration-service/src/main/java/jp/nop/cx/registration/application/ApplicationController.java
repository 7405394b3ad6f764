package jp.nop.cx.registration.application;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.web.ClientInfo;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.Partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

	@Operation(summary = "Apply for use of the portal, agreeing to the terms in force (Art. 2, 3) / 利用を申し込む",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", examples = @ExampleObject(name = "application", value = """
							{"company": {"name": "株式会社テスト商事", "corporateNumber": "7123456789012",
							  "postalCode": "100-0001", "address": "東京都千代田区千代田1-1 テストビル3階"},
							 "representative": {"name": "山田 太郎", "title": "代表取締役"},
							 "contact": {"name": "佐藤 花子", "email": "sato@example.co.jp", "phone": "03-1234-5678"},
							 "preferredLanguage": "ja", "agreement": {"termsVersion": "1", "accepted": true}}"""))),
			responses = {
					@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "409",
							description = "The terms version agreed to is not the one in force, or the company applied already.") })
	@PostMapping
	ResponseEntity<Submitted> apply(@Valid @RequestBody ApplicationForm form, ClientInfo client) {
		Partner application = this.applications.submit(form, client.address(), client.userAgent());
		return ResponseEntity.created(URI.create("/api/v1/registrations/" + application.id()))
			.body(new Submitted(application.id(), ApplicationStatus.SUBMITTED));
	}

	@Operation(summary = "List applications / 申込の一覧")
	@GetMapping
	Listing<ApplicationView> list(@RequestParam(required = false) ApplicationStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.applications.list(status, page, size);
	}

	@Operation(summary = "One application / 申込の詳細")
	@GetMapping("/{id}")
	ApplicationView get(@PathVariable String id) {
		return this.applications.get(id);
	}

	@Operation(summary = "Approve an application (Art. 2.1) / 申込を承認する")
	@PostMapping("/{id}/approval")
	Approved approve(@PathVariable String id, CxPrincipal operator) {
		return new Approved(this.applications.approve(id, operator.loginId()));
	}

	@Operation(summary = "Reject an application with a reason (Art. 2.1) / 申込を拒否する")
	@PostMapping("/{id}/rejection")
	ApplicationView reject(@PathVariable String id, @Valid @RequestBody RejectionForm form, CxPrincipal operator) {
		return this.applications.reject(id, form.reason(), operator.loginId());
	}

	record Submitted(String id, ApplicationStatus status) {
	}

	record Approved(String partnerId) {
	}
}
