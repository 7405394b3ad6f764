package jp.nop.cx.enforcement.export;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.ScopeRequest;
import jp.nop.cx.enforcement.cases.CaseStatus;
import jp.nop.cx.enforcement.cases.Category;
import jp.nop.cx.enforcement.cases.DamageClaim;
import jp.nop.cx.enforcement.cases.EnforcementCase;
import jp.nop.cx.enforcement.cases.Measure;
import jp.nop.cx.enforcement.cases.MeasureType;
import jp.nop.cx.enforcement.cases.Origin;
import jp.nop.cx.enforcement.cases.Resolution;
import jp.nop.cx.enforcement.standing.StandingView;

/**
 * The partner's enforcement history for its backup (Art. 5, 6), as the partner may see it: what
 * each case is about (the Art. 7.1 item), every measure with the note the partner was given, the
 * damages claimed from it, the resolution and the dates. NOP's investigation material (the case
 * description, evidence, the gateway's detections with client addresses) and the login IDs of the
 * operators who acted are not the partner's to take away and are left out.
 */
public record PartnerExport(String partnerId, Instant exportedAt, StandingView standing, List<PartnerCase> cases) {

	/** A case without NOP's internal material. */
	public record PartnerCase(String id, Category category, String article, Origin origin, CaseStatus status,
			Instant openedAt, List<PartnerMeasure> measures, List<PartnerDamageClaim> damageClaims,
			PartnerResolution resolution) {

		static PartnerCase of(EnforcementCase kase) {
			Resolution resolution = kase.getResolution();
			return new PartnerCase(kase.getCaseId(), kase.getCategory(), kase.getCategory().article(),
					kase.getOrigin(), kase.getStatus(), kase.getOpenedAt(),
					kase.getMeasures().stream().map(PartnerMeasure::of).toList(),
					kase.getDamageClaims().stream().map(PartnerDamageClaim::of).toList(),
					(resolution != null) ? new PartnerResolution(resolution.note(), resolution.resumeAt(),
							resolution.resolvedAt(), resolution.liftedAt()) : null);
		}
	}

	/** Art. 7.2. */
	public record PartnerMeasure(String id, MeasureType type, String article, ScopeRequest.View scope,
			Integer requestsPerSecond, String note, Instant imposedAt, boolean active, Instant liftedAt) {

		static PartnerMeasure of(Measure measure) {
			return new PartnerMeasure(measure.measureId(), measure.type(), measure.type().article(),
					ScopeRequest.View.of(measure.scope()), measure.requestsPerSecond(), measure.note(),
					measure.imposedAt(), measure.isActive(), measure.liftedAt());
		}
	}

	/** Art. 7.6. */
	public record PartnerDamageClaim(String id, long amount, String currency, String description,
			Instant claimedAt) {

		static PartnerDamageClaim of(DamageClaim claim) {
			return new PartnerDamageClaim(claim.claimId(), claim.amountYen(), "JPY", claim.description(),
					claim.claimedAt());
		}
	}

	/** Art. 7.5. */
	public record PartnerResolution(String note, Instant resumeAt, Instant resolvedAt, Instant liftedAt) {
	}
}
