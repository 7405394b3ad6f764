package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.nop.cx.platform.rules.RuleViolation;

/**
 * A case against a partner for a prohibited act of Art. 7.1: the measures imposed in it
 * (Art. 7.2), damages claimed (Art. 7.6), its resolution (Art. 7.5) and its whole history.
 * Part of the partner's {@link EnforcementRecord}, which is changed only as a whole.
 */
public class EnforcementCase {

	private String caseId;

	private String partnerId;

	private Category category;

	private Origin origin;

	private CaseStatus status;

	private String description;

	private String evidence;

	private String openedBy;

	private Instant openedAt;

	private List<Measure> measures = new ArrayList<>();

	private List<DamageClaim> damageClaims = new ArrayList<>();

	private List<Detection> detections = new ArrayList<>();

	private long detectionCount;

	private Resolution resolution;

	private List<ResumptionProposal> proposals = new ArrayList<>();

	private List<HistoryEntry> history = new ArrayList<>();

	private EnforcementCase() {
	}

	static EnforcementCase open(String partnerId, Category category, Origin origin, String description,
			String evidence, String by, Instant now) {
		EnforcementCase kase = new EnforcementCase();
		kase.caseId = UUID.randomUUID().toString();
		kase.partnerId = partnerId;
		kase.category = category;
		kase.origin = origin;
		kase.status = CaseStatus.OPEN;
		kase.description = description;
		kase.evidence = evidence;
		kase.openedBy = by;
		kase.openedAt = now;
		kase.history.add(new HistoryEntry(now, by, HistoryEntry.Action.OPENED, null, null));
		return kase;
	}

	/** Art. 7.2: no prior warning is needed for any measure; a resolved case takes none. */
	Measure impose(MeasureOrder order, String by, Instant now) {
		requireOpen();
		Measure measure = new Measure(UUID.randomUUID().toString(), order.type(), order.scope(),
				order.requestsPerSecond(), order.note(), by, now, null, order.internalNote());
		this.measures.add(measure);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.MEASURE_IMPOSED, measure.measureId(), null,
				order.note(), order.internalNote()));
		return measure;
	}

	/** Art. 7.6: a claim may follow the resolution, so it is recorded on a case in any state. */
	DamageClaim claimDamages(long amountYen, String description, String by, Instant now) {
		DamageClaim claim = new DamageClaim(UUID.randomUUID().toString(), amountYen, description, by, now);
		this.damageClaims.add(claim);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.DAMAGES_CLAIMED, null, description));
		return claim;
	}

	/**
	 * Art. 7.5: the cause is resolved; the measures lift now, or at {@code resumeAt} when the service
	 * cannot resume at once. Returns the IDs of the measures lifted now.
	 */
	List<String> resolve(Instant resumeAt, String note, String internalNote, String by, Instant now) {
		requireOpen();
		if (resumeAt != null && !resumeAt.isAfter(now)) {
			throw RuleViolation.invalid("resumeAt", "resume-at-not-in-future");
		}
		// Art. 7.5 last sentence: NOP decides alone; a proposal it has not answered lapses.
		this.proposals.replaceAll((p) -> {
			if (!p.isPending()) {
				return p;
			}
			this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.RESUMPTION_LAPSED, null, p.proposalId(),
					null, null));
			return p.decided(ResumptionProposal.Status.LAPSED, new ResumptionProposal.Decision(by, now, null, null));
		});
		return settle(resumeAt, note, internalNote, null, by, now);
	}

	private List<String> settle(Instant resumeAt, String note, String internalNote, String proposalId, String by,
			Instant now) {
		this.status = CaseStatus.RESOLVED;
		this.resolution = new Resolution(note, resumeAt, by, now, null, internalNote, proposalId);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.RESOLVED, null, proposalId, note,
				internalNote));
		return (resumeAt == null) ? lift(by, now) : List.of();
	}

	/**
	 * Art. 7.5: the partner states that the cause is removed and proposes when to resume. Only an
	 * open case can be answered, at a time still to come, and one proposal waits at a time.
	 */
	ResumptionProposal propose(String statement, Instant proposedResumeAt, String by, Instant now) {
		requireOpen();
		if (!proposedResumeAt.isAfter(now)) {
			throw RuleViolation.invalid("proposedResumeAt", "proposed-resume-at-not-in-future");
		}
		pendingProposal().ifPresent((pending) -> {
			throw RuleViolation.conflict("proposal-pending", pending.proposalId());
		});
		ResumptionProposal proposal = new ResumptionProposal(UUID.randomUUID().toString(), statement,
				proposedResumeAt, by, now, ResumptionProposal.Status.PENDING, null);
		this.proposals.add(proposal);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.RESUMPTION_PROPOSED, null,
				proposal.proposalId(), statement, null));
		return proposal;
	}

	/**
	 * Art. 7.5: NOP agrees to the proposed time: the case is resolved and its measures lift then
	 * (at once if that time has already come while NOP considered it). Returns the measures lifted now.
	 */
	List<String> agree(String proposalId, String note, String internalNote, String by, Instant now) {
		ResumptionProposal proposal = requirePendingProposal(proposalId);
		requireOpen();
		replace(proposal.decided(ResumptionProposal.Status.AGREED,
				new ResumptionProposal.Decision(by, now, note, internalNote)));
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.RESUMPTION_AGREED, null, proposalId, note,
				internalNote));
		Instant resumeAt = proposal.proposedResumeAt().isAfter(now) ? proposal.proposedResumeAt() : null;
		return settle(resumeAt, note, internalNote, proposalId, by, now);
	}

	/** Art. 7.5: NOP declines the proposal and says why; the measures stay (Art. 7.3). */
	ResumptionProposal refuse(String proposalId, String reason, String internalNote, String by, Instant now) {
		ResumptionProposal proposal = requirePendingProposal(proposalId);
		requireOpen();
		ResumptionProposal refused = proposal.decided(ResumptionProposal.Status.REFUSED,
				new ResumptionProposal.Decision(by, now, reason, internalNote));
		replace(refused);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.RESUMPTION_REFUSED, null, proposalId, reason,
				internalNote));
		return refused;
	}

	public Optional<ResumptionProposal> findProposal(String proposalId) {
		return this.proposals.stream().filter((p) -> p.proposalId().equals(proposalId)).findFirst();
	}

	private Optional<ResumptionProposal> pendingProposal() {
		return this.proposals.stream().filter(ResumptionProposal::isPending).findFirst();
	}

	private ResumptionProposal requirePendingProposal(String proposalId) {
		ResumptionProposal proposal = findProposal(proposalId)
			.orElseThrow(() -> new IllegalArgumentException("No proposal " + proposalId + " in case " + this.caseId));
		if (!proposal.isPending()) {
			throw RuleViolation.conflict("proposal-decided", proposalId, proposal.status().name());
		}
		return proposal;
	}

	private void replace(ResumptionProposal decided) {
		this.proposals.replaceAll((p) -> p.proposalId().equals(decided.proposalId()) ? decided : p);
	}

	/** Art. 7.5: lifts the measures once the agreed resumption time has come; IDs of those lifted. */
	List<String> liftIfDue(Instant now) {
		Instant due = pendingLiftAt();
		if (due == null || now.isBefore(due)) {
			return List.of();
		}
		return lift(this.resolution.resolvedBy(), now);
	}

	private List<String> lift(String by, Instant now) {
		List<String> lifted = new ArrayList<>();
		this.measures.replaceAll((m) -> {
			if (m.isActive()) {
				lifted.add(m.measureId());
				return m.liftedAt(now);
			}
			return m;
		});
		this.resolution = this.resolution.liftedAt(now);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.MEASURES_LIFTED, null, null));
		return lifted;
	}

	/**
	 * Art. 7.1(3): adds a further detection as evidence, keeping the newest {@code keep}; false
	 * when this report was already recorded (a redelivery).
	 */
	boolean addDetection(Detection detection, int keep) {
		if (detection.eventId() != null
				&& this.detections.stream().anyMatch((d) -> detection.eventId().equals(d.eventId()))) {
			return false;
		}
		this.detections.add(detection);
		this.detectionCount++;
		while (this.detections.size() > keep) {
			this.detections.remove(0);
		}
		return true;
	}

	/** When the measures of this resolved case are due to lift; null when nothing waits. */
	Instant pendingLiftAt() {
		return (this.resolution != null && this.resolution.liftPending()) ? this.resolution.resumeAt() : null;
	}

	private void requireOpen() {
		if (this.status != CaseStatus.OPEN) {
			throw RuleViolation.conflict("case-resolved", this.caseId);
		}
	}

	public boolean isOpen() {
		return this.status == CaseStatus.OPEN;
	}

	public List<Measure> activeMeasures() {
		return this.measures.stream().filter(Measure::isActive).toList();
	}

	public String caseId() {
		return this.caseId;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public Category category() {
		return this.category;
	}

	public Origin origin() {
		return this.origin;
	}

	public CaseStatus status() {
		return this.status;
	}

	public String description() {
		return this.description;
	}

	public String evidence() {
		return this.evidence;
	}

	public String openedBy() {
		return this.openedBy;
	}

	public Instant openedAt() {
		return this.openedAt;
	}

	public List<Measure> measures() {
		return Collections.unmodifiableList(this.measures);
	}

	public List<DamageClaim> damageClaims() {
		return Collections.unmodifiableList(this.damageClaims);
	}

	public List<Detection> detections() {
		return Collections.unmodifiableList(this.detections);
	}

	public long detectionCount() {
		return this.detectionCount;
	}

	public Resolution resolution() {
		return this.resolution;
	}

	public List<ResumptionProposal> proposals() {
		return Collections.unmodifiableList(this.proposals);
	}

	public List<HistoryEntry> history() {
		return Collections.unmodifiableList(this.history);
	}
}
