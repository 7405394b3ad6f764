package jp.nop.cx.terms.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.terms.acceptance.AcceptanceMethod;
import jp.nop.cx.terms.acceptance.AcceptanceService;
import jp.nop.cx.terms.partner.KnownPartner;
import jp.nop.cx.terms.partner.PartnerDirectory;
import jp.nop.cx.terms.version.TermsCatalog;
import jp.nop.cx.terms.version.VersionSummary;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Art. 16.3: who is bound by the terms in force. Partners that have not used the service since the
 * version took effect, nor accepted it, have not agreed to it yet.
 */
@Service
class ComplianceReport {

	private final TermsCatalog catalog;

	private final AcceptanceService acceptances;

	private final PartnerDirectory partners;

	ComplianceReport(TermsCatalog catalog, AcceptanceService acceptances, PartnerDirectory partners) {
		this.catalog = catalog;
		this.acceptances = acceptances;
		this.partners = partners;
	}

	Compliance now(int page, int size) {
		Instant now = this.catalog.now();
		VersionSummary inForce = this.catalog.baseTimeline()
			.inForceAt(now)
			.orElseThrow(() -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, "no-terms-in-force"));
		List<String> accepted = this.acceptances.partnersThatAccepted(inForce.version());
		Page<KnownPartner> pending = this.partners.activeExcept(accepted, page, size);
		return new Compliance(now, inForce.version(), inForce.effectiveFrom(),
				this.acceptances.countByMethod(inForce.version()), this.partners.countActive(),
				pending.getTotalElements(), pending.getContent(), page, size, pending.getTotalPages());
	}

	/**
	 * @param acceptances acceptances of the version, by method (of any partner, active or not)
	 * @param notAccepted active partners without an acceptance of it
	 * @param items this page of those partners
	 */
	record Compliance(Instant at, String version, Instant effectiveFrom, Map<AcceptanceMethod, Long> acceptances,
			long activePartners, long notAccepted, List<KnownPartner> items, int page, int size, int totalPages) {
	}
}
