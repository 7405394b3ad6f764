package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.ScopeRequest;

/** A case as the operator sees it, with everything that happened in it. */
public record CaseView(String id, String partnerId, Category category, String article, Origin origin,
		CaseStatus status, String description, String evidence, String openedBy, Instant openedAt,
		List<MeasureView> measures, List<DamageClaimView> damageClaims, List<DetectionView> detections,
		long detectionCount, List<ProposalView> proposals, ResolutionView resolution, List<HistoryView> history) {

	public static CaseView of(EnforcementCase kase) {
		return new CaseView(kase.caseId(), kase.partnerId(), kase.category(), kase.category().article(),
				kase.origin(), kase.status(), kase.description(), kase.evidence(), kase.openedBy(),
				kase.openedAt(), kase.measures().stream().map((m) -> MeasureView.of(kase, m)).toList(),
				kase.damageClaims().stream().map((c) -> DamageClaimView.of(kase, c)).toList(),
				kase.detections().stream().map(DetectionView::of).toList(), kase.detectionCount(),
				kase.proposals().stream().map(ProposalView::of).toList(), ResolutionView.of(kase.resolution()),
				kase.history().stream().map(HistoryView::of).toList());
	}

	/** Art. 7.5: a partner's resumption proposal and NOP's answer, with NOP's internal note. */
	public record ProposalView(String id, String statement, Instant proposedResumeAt, String proposedBy,
			Instant proposedAt, ResumptionProposal.Status status, String decidedBy, Instant decidedAt, String reason,
			String internalNote) {

		static ProposalView of(ResumptionProposal proposal) {
			ResumptionProposal.Decision decision = proposal.decision();
			return new ProposalView(proposal.proposalId(), proposal.statement(), proposal.proposedResumeAt(),
					proposal.proposedBy(), proposal.proposedAt(), proposal.status(),
					(decision != null) ? decision.decidedBy() : null, (decision != null) ? decision.decidedAt() : null,
					(decision != null) ? decision.reason() : null, (decision != null) ? decision.internalNote() : null);
		}
	}

	/** A measure (Art. 7.2); {@code active} until the resolution lifts it (Art. 7.3, 7.5). */
	public record MeasureView(String id, String caseId, String partnerId, MeasureType type, String article,
			ScopeRequest.View scope, Integer requestsPerSecond, String note, String internalNote, String imposedBy,
			Instant imposedAt, boolean active, Instant liftedAt) {

		static MeasureView of(EnforcementCase kase, Measure measure) {
			return new MeasureView(measure.measureId(), kase.caseId(), kase.partnerId(), measure.type(),
					measure.type().article(), ScopeRequest.View.of(measure.scope()), measure.requestsPerSecond(),
					measure.note(), measure.internalNote(), measure.imposedBy(), measure.imposedAt(),
					measure.isActive(), measure.liftedAt());
		}
	}

	/** Art. 7.6. */
	public record DamageClaimView(String id, String caseId, long amount, String currency, String description,
			String claimedBy, Instant claimedAt) {

		static DamageClaimView of(EnforcementCase kase, DamageClaim claim) {
			return new DamageClaimView(claim.claimId(), kase.caseId(), claim.amountYen(), "JPY",
					claim.description(), claim.claimedBy(), claim.claimedAt());
		}
	}

	/** Art. 7.1(3): one detection by the gateway. */
	public record DetectionView(String clientIp, Instant windowStart, Instant windowEnd, long rejectedRequests,
			int limitPerSecond, Instant detectedAt) {

		static DetectionView of(Detection detection) {
			return new DetectionView(detection.clientIp(), detection.windowStart(), detection.windowEnd(),
					detection.rejectedRequests(), detection.limitPerSecond(), detection.detectedAt());
		}
	}

	/** Art. 7.5. */
	public record ResolutionView(String note, String internalNote, Instant resumeAt, String proposalId,
			String resolvedBy, Instant resolvedAt, Instant liftedAt) {

		static ResolutionView of(Resolution resolution) {
			return (resolution != null) ? new ResolutionView(resolution.note(), resolution.internalNote(),
					resolution.resumeAt(), resolution.proposalId(), resolution.resolvedBy(), resolution.resolvedAt(),
					resolution.liftedAt()) : null;
		}
	}

	/** One line of the history. */
	public record HistoryView(Instant at, String by, HistoryEntry.Action action, String measureId, String proposalId,
			String note, String internalNote) {

		static HistoryView of(HistoryEntry entry) {
			return new HistoryView(entry.at(), entry.by(), entry.action(), entry.measureId(), entry.proposalId(),
					entry.note(), entry.internalNote());
		}
	}

	/** A case in a list. */
	public record Summary(String id, String partnerId, Category category, Origin origin, CaseStatus status,
			Instant openedAt, int measures, int activeMeasures, Instant resolvedAt) {

		static Summary of(EnforcementCase kase) {
			return new Summary(kase.caseId(), kase.partnerId(), kase.category(), kase.origin(),
					kase.status(), kase.openedAt(), kase.measures().size(), kase.activeMeasures().size(),
					(kase.resolution() != null) ? kase.resolution().resolvedAt() : null);
		}
	}

	/** A page of cases. */
	public record Page(List<Summary> items, int page, int size, long total) {

		static Page of(CaseQueries.CasePage page) {
			return new Page(page.items().stream().map(Summary::of).toList(), page.page(), page.size(), page.total());
		}
	}
}
