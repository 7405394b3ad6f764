package jp.nop.cx.enforcement.servicestatus;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Service availability (Art. 8, 9, 10, 11.3): declared by operators, readable by anyone. */
@RestController
class ServiceStatusController {

	private final ServiceStatusService service;

	private final Clock clock;

	ServiceStatusController(ServiceStatusService service, Clock clock) {
		this.service = service;
		this.clock = clock;
	}

	@Operation(summary = "Service status now: interruptions, maintenance, discontinuations / サービス状況")
	@GetMapping("/api/v1/service-status")
	ServiceStatusView.Board board() {
		return ServiceStatusView.Board.of(this.service.board());
	}

	@Operation(summary = "Declare an interruption, maintenance or discontinuation (Art. 8-11) / 停止・保守・廃止を宣言する",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping("/api/v1/service-status/events")
	ResponseEntity<ServiceStatusView> declare(@Valid @RequestBody DeclareRequest body, CxPrincipal principal) {
		ServiceStatusEvent event = this.service.declare(body.toDeclaration(), principal.loginId());
		return ResponseEntity.created(URI.create("/api/v1/service-status/events/" + event.id()))
			.body(ServiceStatusView.of(event, this.clock.instant()));
	}

	@Operation(summary = "List service status events / サービス状況イベントの一覧")
	@GetMapping("/api/v1/service-status/events")
	ServiceStatusView.Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Page<ServiceStatusEvent> found = this.service.list(page, size);
		Instant now = this.clock.instant();
		return new ServiceStatusView.Page(found.map((e) -> ServiceStatusView.of(e, now)).getContent(), page, size,
				found.getTotalElements());
	}

	@Operation(summary = "One service status event / サービス状況イベントの詳細")
	@GetMapping("/api/v1/service-status/events/{id}")
	ServiceStatusView get(@PathVariable String id) {
		return ServiceStatusView.of(this.service.find(id), this.clock.instant());
	}

	@Operation(summary = "End a service status event / サービス状況イベントを終了する")
	@PostMapping("/api/v1/service-status/events/{id}/end")
	ServiceStatusView end(@PathVariable String id, CxPrincipal principal) {
		return ServiceStatusView.of(this.service.end(id, principal.loginId()), this.clock.instant());
	}
}
