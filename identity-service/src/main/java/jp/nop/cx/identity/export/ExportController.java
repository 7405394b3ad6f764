package jp.nop.cx.identity.export;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.CredentialStatus;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Art. 5, 6: identity's part of the partner's backup, called by registration-service with the
 * partner's own token. ID metadata only: no password hash, no token, no hash of one.
 */
@RestController
class ExportController {

	private final CredentialRepository credentials;

	private final Clock clock;

	ExportController(CredentialRepository credentials, Clock clock) {
		this.credentials = credentials;
		this.clock = clock;
	}

	// Internal: not routed by the gateway, so not in the public contract (OpenApiIT lists it).
	@Hidden
	@GetMapping("/internal/v1/partners/{partnerId}/export")
	IdentityExport export(CxPrincipal principal, @PathVariable String partnerId) {
		principal.requireAccessTo(partnerId);
		List<ExportedId> ids = this.credentials.findByPartnerIdOrderByCreatedAtAsc(partnerId)
			.stream()
			.map(ExportedId::of)
			.toList();
		return new IdentityExport(partnerId, this.clock.instant(), ids);
	}

	record IdentityExport(String partnerId, Instant exportedAt, List<ExportedId> loginIds) {
	}

	record ExportedId(String loginId, String role, CredentialStatus status, Instant createdAt, Instant activatedAt,
			Instant lastUsedAt, Instant deletedAt) {

		static ExportedId of(Credential credential) {
			return new ExportedId(credential.loginId(), credential.role().name(), credential.status(),
					credential.createdAt(), credential.activatedAt(), credential.lastUsedAt(), credential.deletedAt());
		}
	}
}
