package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.ScopeRequest;

/**
 * A case as the partner may see it (Art. 7.5, and its backup under Art. 5, 6): what it is about
 * (the Art. 7.1 item and its article), every measure with the note the partner was given, the
 * damages claimed from it, its own resumption proposals with NOP's answers, the resolution and the
 * dates. NOP's investigation material (the description, evidence, the gateway's detections with
 * client addresses), every internal note and the login IDs of the operators who acted are left out.
 */
public record PartnerCaseView(String id, Category category, String article, Origin origin, CaseStatus status,
		Instant openedAt, List<PartnerMeasure> measures, List<PartnerDamageClaim> damageClaims,
		List<PartnerProposal> proposals, PartnerResolution resolution) {

	public static PartnerCaseView of(EnforcementCase kase) {
		Resolution resolution = kase.resolution();
		return new PartnerCaseView(kase.caseId(), kase.category(), kase.category().article(),
				kase.origin(), kase.status(), kase.openedAt(),
				kase.measures().stream().map(PartnerMeasure::of).toList(),
				kase.damageClaims().stream().map(PartnerDamageClaim::of).toList(),
				kase.proposals().stream().map(PartnerProposal::of).toList(),
				(resolution != null) ? new PartnerResolution(resolution.note(), resolution.resumeAt(),
						resolution.proposalId(), resolution.resolvedAt(), resolution.liftedAt()) : null);
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

	/** Art. 7.5: the partner's own proposal and NOP's answer (the reason it was told). */
	public record PartnerProposal(String id, String statement, Instant proposedResumeAt, String proposedBy,
			Instant proposedAt, ResumptionProposal.Status status, Instant decidedAt, String reason) {

		static PartnerProposal of(ResumptionProposal proposal) {
			ResumptionProposal.Decision decision = proposal.decision();
			return new PartnerProposal(proposal.proposalId(), proposal.statement(), proposal.proposedResumeAt(),
					proposal.proposedBy(), proposal.proposedAt(), proposal.status(),
					(decision != null) ? decision.decidedAt() : null, (decision != null) ? decision.reason() : null);
		}
	}

	/** Art. 7.5. */
	public record PartnerResolution(String note, Instant resumeAt, String proposalId, Instant resolvedAt,
			Instant liftedAt) {
	}
}
