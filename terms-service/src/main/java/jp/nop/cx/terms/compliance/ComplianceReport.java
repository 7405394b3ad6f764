package jp.nop.cx.terms.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.terms.acceptance.AcceptanceMethod;
import jp.nop.cx.terms.acceptance.AcceptanceService;
import jp.nop.cx.terms.partner.KnownPartner;
import jp.nop.cx.terms.partner.PartnerDirectory;
import jp.nop.cx.terms.version.TermsCatalog;
import jp.nop.cx.terms.version.Timeline;
import jp.nop.cx.terms.version.VersionSummary;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Art. 16.3 and 1.2: who is bound by the terms in force. The terms are the base version and the
 * supplementary terms in force for every scope (Art. 1.2: they form part of the terms), so an
 * active partner is listed with each of those it has not accepted, explicitly or by use (of that
 * scope, for a supplement). A supplement accepted under an earlier base version stays accepted.
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
		List<VersionSummary> supplements = new ArrayList<>();
		for (Timeline timeline : this.catalog.supplementTimelines().values()) {
			timeline.inForceAt(now).ifPresent(supplements::add);
		}
		long active = this.partners.countActive();

		Set<String> acceptedBase = new HashSet<>(this.acceptances.partnersThatAccepted(inForce.version()));
		Set<String> acceptedAll = new HashSet<>(acceptedBase);
		List<SupplementCompliance> supplementReports = new ArrayList<>();
		for (VersionSummary supplement : supplements) {
			String key = supplement.ref().key();
			Set<String> accepted = this.acceptances.partnersThatAcceptedSupplement(key);
			acceptedAll.retainAll(accepted);
			supplementReports.add(new SupplementCompliance(supplement.scope(), supplement.version(), key,
					supplement.effectiveFrom(), this.acceptances.countSupplementByMethod(key),
					this.partners.countActiveExcept(accepted)));
		}

		Page<KnownPartner> pending = this.partners.activeExcept(acceptedAll, page, size);
		List<String> ids = pending.getContent().stream().map(KnownPartner::partnerId).toList();
		Map<String, Set<String>> versions = this.acceptances.versionsAcceptedBy(ids);
		Map<String, Set<String>> supplementsAccepted = this.acceptances.supplementsAcceptedBy(ids);
		List<PartnerCompliance> items = new ArrayList<>();
		for (KnownPartner partner : pending.getContent()) {
			List<Missing> missing = new ArrayList<>();
			if (!versions.getOrDefault(partner.partnerId(), Set.of()).contains(inForce.version())) {
				missing.add(Missing.of(inForce));
			}
			Set<String> keys = supplementsAccepted.getOrDefault(partner.partnerId(), Set.of());
			for (VersionSummary supplement : supplements) {
				if (!keys.contains(supplement.ref().key())) {
					missing.add(Missing.of(supplement));
				}
			}
			items.add(new PartnerCompliance(partner.partnerId(), partner.companyName(), partner.active(),
					partner.approvedAt(), partner.terminatedAt(), partner.transferredAt(), missing));
		}
		return new Compliance(now, inForce.version(), inForce.effectiveFrom(),
				this.acceptances.countByMethod(inForce.version()), active,
				this.partners.countActiveExcept(acceptedBase), supplementReports, pending.getTotalElements(),
				items, page, size, pending.getTotalPages());
	}

	/**
	 * @param acceptances acceptances of the base version, by method (of any partner, active or not)
	 * @param baseNotAccepted active partners without an acceptance of the base version
	 * @param supplements each supplement in force, with how many active partners have not accepted it
	 * @param notAccepted active partners that have not accepted everything in force (the items)
	 * @param items this page of those partners, each with what it has not accepted
	 */
	record Compliance(Instant at, String version, Instant effectiveFrom, Map<AcceptanceMethod, Long> acceptances,
			long activePartners, long baseNotAccepted, List<SupplementCompliance> supplements, long notAccepted,
			List<PartnerCompliance> items, int page, int size, int totalPages) {
	}

	/** Art. 1.2: one supplement in force and how far it is accepted. */
	record SupplementCompliance(String scope, String version, String key, Instant effectiveFrom,
			Map<AcceptanceMethod, Long> acceptances, long notAccepted) {
	}

	/** An active partner and the parts of the terms in force it has not accepted. */
	record PartnerCompliance(String partnerId, String companyName, boolean active, Instant approvedAt,
			Instant terminatedAt, Instant transferredAt, List<Missing> missing) {
	}

	/**
	 * A part of the terms in force not accepted: the base version ({@code kind} BASE, {@code scope}
	 * null) or a supplement; {@code key} as {@code POST /api/v1/terms/acceptances} takes it.
	 */
	record Missing(String kind, String scope, String version, String key, Instant effectiveFrom) {

		static Missing of(VersionSummary summary) {
			return new Missing(summary.kind().name(), summary.scope(), summary.version(), summary.ref().key(),
					summary.effectiveFrom());
		}
	}
}
