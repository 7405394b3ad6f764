package jp.nop.cx.identity.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.CredentialService;
import jp.nop.cx.identity.credential.LoginIds;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Art. 4.3: a partner notifies NOP of lost, stolen or misused IDs. The incident is recorded and
 * the operator alerted ({@code credential-compromised}), and the named IDs stop at once (no
 * sign-in, no refresh, tokens refused: {@code credential-revoked}). The answer comes only after
 * both are stored.
 */
@Service
class IncidentService {

	private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

	private final CredentialRepository credentials;

	private final CredentialService credentialService;

	private final IncidentRepository incidents;

	private final Clock clock;

	IncidentService(CredentialRepository credentials, CredentialService credentialService,
			IncidentRepository incidents, Clock clock) {
		this.credentials = credentials;
		this.credentialService = credentialService;
		this.incidents = incidents;
		this.clock = clock;
	}

	Incident report(CxPrincipal reporter, IncidentType type, List<String> named, String detail) {
		String partnerId = reporter.requirePartnerId();
		Set<String> loginIds = new LinkedHashSet<>();
		if (named == null || named.isEmpty()) {
			loginIds.add(reporter.loginId());
		}
		else {
			named.forEach((id) -> loginIds.add(LoginIds.normalize(id)));
		}
		// Art. 4.2: a member speaks for itself only; its company's other IDs are the administrator's.
		if (!reporter.isPartnerAdmin() && !Set.of(reporter.loginId()).equals(loginIds)) {
			throw RuleViolation.forbidden();
		}
		// All IDs are checked before any is blocked: a report naming a stranger changes nothing.
		List<Credential> affected = new ArrayList<>();
		for (String loginId : loginIds) {
			affected.add(this.credentials.findById(loginId)
				.filter((c) -> c.belongsTo(partnerId) && !c.isDeleted())
				.orElseThrow(() -> RuleViolation.notFound("credential")));
		}
		// The alert is stored first: should blocking then fail, the reporter's token still works
		// for a retry (a second alert), whereas blocking first could leave a self-reporter unable
		// to retry an alert that was never stored.
		Incident incident = this.incidents.save(Incident.report(UUID.randomUUID().toString(), partnerId, type,
				List.copyOf(loginIds), reporter.loginId(), detail, this.clock.instant()));
		affected.forEach(this.credentialService::compromise);
		log.warn("Incident {} ({}) reported by {} for partner {}: {} blocked", incident.incidentId(), type,
				reporter.loginId(), partnerId, loginIds);
		return incident;
	}
}
