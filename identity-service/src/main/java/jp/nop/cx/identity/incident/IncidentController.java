package jp.nop.cx.identity.incident;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.validation.SingleLine;
import jp.nop.cx.platform.validation.MultiLine;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Art. 4.3: the partner's notice of loss or misuse (partner roles). */
@RestController
class IncidentController {

	private final IncidentService incidents;

	IncidentController(IncidentService incidents) {
		this.incidents = incidents;
	}

	@Operation(summary = "Report loss or misuse of IDs: blocked at once (Art. 4.3) / 紛失・不正利用を届け出る")
	@PostMapping("/api/v1/identity/me/incidents")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Reported report(CxPrincipal principal, @Valid @RequestBody IncidentReport request) {
		Incident incident = this.incidents.report(principal, request.type(), request.loginIds(), request.detail());
		return new Reported(incident.incidentId(), incident.loginIds());
	}

	record IncidentReport(@NotNull IncidentType type, @Size(max = 100) List<@NotBlank @Size(max = 64) @SingleLine String> loginIds,
			@Size(max = 2000) @MultiLine String detail) {
	}

	/** The incident and the IDs now blocked. */
	record Reported(String incidentId, List<String> loginIds) {
	}
}
