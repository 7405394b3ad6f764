package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.PartnerReinstated;
import jp.nop.cx.events.PartnerSuspended;
import jp.nop.cx.events.PartnerThrottled;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.events.ResumptionDecided;
import jp.nop.cx.events.ResumptionProposed;
import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's enforcement record: every case opened against it, their measures, and the
 * standing they add up to. It is the aggregate because the standing depends on the measures of
 * all the partner's cases: a change to any case and the new {@code partner-standing} it causes are
 * stored in one document write, with the events in its outbox.
 */
@Document("enforcement_records")
@CompoundIndex(name = "case_id", def = "{'cases.caseId': 1}")
@CompoundIndex(name = "next_lift_at", def = "{'nextLiftAt': 1}")
public class EnforcementRecord extends OutboxAggregate {

	/** Who acts when no person does: the lifting job, the load detection. */
	public static final String SYSTEM = "system";

	@Id
	private String partnerId;

	@Version
	private Long version;

	private PartnerProfile partner;

	private List<EnforcementCase> cases = new ArrayList<>();

	private Standing standing;

	/** The earliest agreed resumption still to come, for the lifting job to find. */
	private Instant nextLiftAt;

	private EnforcementRecord() {
	}

	public static EnforcementRecord of(String partnerId) {
		EnforcementRecord record = new EnforcementRecord();
		record.partnerId = Objects.requireNonNull(partnerId);
		return record;
	}

	// ---------------------------------------------------------------- the partner

	/** NOP approved the partner (Art. 2.1), or the status passed to a transferee (Art. 17). */
	public void partnerKnownAs(String companyName, Instant at) {
		Instant since = (this.partner != null && this.partner.knownSince() != null) ? this.partner.knownSince() : at;
		Instant terminatedAt = (this.partner != null) ? this.partner.terminatedAt() : null;
		this.partner = new PartnerProfile(companyName, since, terminatedAt);
	}

	/** Art. 12: the partnership ended. Its record stays: Art. 7.6 claims can outlive it. */
	public void partnerTerminated(Instant at) {
		this.partner = (this.partner != null) ? new PartnerProfile(this.partner.companyName(),
				this.partner.knownSince(), at) : new PartnerProfile(null, at, at);
	}

	public boolean isKnownPartner() {
		return this.partner != null;
	}

	// ---------------------------------------------------------------- cases and measures

	/** Art. 7.1: an operator opens a case against a partner this service knows. */
	public EnforcementCase openCase(Category category, String description, String evidence, String by, Instant now) {
		if (!isKnownPartner()) {
			throw RuleViolation.invalid("partnerId", "unknown-partner");
		}
		EnforcementCase kase = EnforcementCase.open(this.partnerId, category, Origin.MANUAL, description, evidence, by,
				now);
		this.cases.add(kase);
		return kase;
	}

	/**
	 * Art. 7.1(3): sustained excessive load opens an AUTOMATED case for an operator to decide on;
	 * it imposes no measure. While such a case is open, further detections are added to it as
	 * evidence rather than opening more cases.
	 */
	public EnforcementCase recordDetection(Detection detection, String description, int keep, Instant now) {
		EnforcementCase kase = this.cases.stream()
			.filter((c) -> c.origin() == Origin.AUTOMATED && c.isOpen())
			.findFirst()
			.orElseGet(() -> {
				EnforcementCase opened = EnforcementCase.open(this.partnerId,
						Category.EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS, Origin.AUTOMATED, description, null, SYSTEM,
						now);
				this.cases.add(opened);
				return opened;
			});
		kase.addDetection(detection, keep);
		return kase;
	}

	/**
	 * Art. 7.2: imposes a measure; no prior warning is needed (the proviso of Art. 7.2). Publishes
	 * the measure's own event and the partner's new standing.
	 */
	public Measure impose(String caseId, MeasureOrder order, String by, Instant now) {
		EnforcementCase kase = requireCase(caseId);
		if (this.partner != null && this.partner.isTerminated()) {
			throw RuleViolation.conflict("partner-terminated", this.partnerId);
		}
		Measure measure = kase.impose(order, by, now);
		String category = kase.category().name();
		switch (measure.type()) {
			case WARNING -> {
				Scope scope = (measure.scope() != null) ? measure.scope() : Scope.wholeService();
				raise(new PartnerWarned(this.partnerId, caseId, measure.measureId(), category, scope.all(),
						scope.capabilities(), measure.note(), now));
			}
			case SUSPENSION -> raise(new PartnerSuspended(this.partnerId, caseId, measure.measureId(), category,
					measure.scope().all(), measure.scope().capabilities(), measure.note(), now));
			case THROTTLE -> raise(new PartnerThrottled(this.partnerId, caseId, measure.measureId(), category,
					measure.requestsPerSecond(), measure.note(), now));
			case OTHER -> {
				// Art. 7.2(3): recorded in the case and shown in the standing; no event of its own.
			}
		}
		refreshStanding(now);
		return measure;
	}

	/** Art. 7.6: records a damage claim on the case. */
	public DamageClaim claimDamages(String caseId, long amountYen, String description, String by, Instant now) {
		return requireCase(caseId).claimDamages(amountYen, description, by, now);
	}

	/**
	 * Art. 7.5: the cause is resolved. Without {@code resumeAt} the case's measures lift now;
	 * with it they stay until then (Art. 7.3) and the lifting job lifts them.
	 */
	public EnforcementCase resolve(String caseId, Instant resumeAt, String note, String internalNote, String by,
			Instant now) {
		EnforcementCase kase = requireCase(caseId);
		List<String> lifted = kase.resolve(resumeAt, note, internalNote, by, now);
		reinstated(kase, lifted, note, now);
		return kase;
	}

	/**
	 * Art. 7.5: the partner answers a case with a statement that the cause is removed and a
	 * proposed resumption time; NOP's operators are told through {@code resumption-proposed}.
	 */
	public ResumptionProposal proposeResumption(String caseId, String statement, Instant proposedResumeAt, String by,
			Instant now) {
		EnforcementCase kase = requireCase(caseId);
		ResumptionProposal proposal = kase.propose(statement, proposedResumeAt, by, now);
		raise(new ResumptionProposed(this.partnerId, caseId, proposal.proposalId(), kase.category().name(),
				statement, proposedResumeAt, by, now));
		return proposal;
	}

	/**
	 * Art. 7.5: NOP agrees to the partner's proposal; the case is resolved with the proposed time
	 * as {@code resumeAt}, and the lifting job lifts the measures then.
	 */
	public EnforcementCase agreeToResumption(String caseId, String proposalId, String note, String internalNote,
			String by, Instant now) {
		EnforcementCase kase = requireCase(caseId);
		List<String> lifted = kase.agree(proposalId, note, internalNote, by, now);
		Instant resumeAt = (kase.resolution().resumeAt() != null) ? kase.resolution().resumeAt() : now;
		raise(new ResumptionDecided(this.partnerId, caseId, proposalId, "AGREED", resumeAt, note, by, now));
		reinstated(kase, lifted, note, now);
		return kase;
	}

	/** Art. 7.5: NOP declines the proposal with a reason; the measures stay and NOP may decide alone. */
	public ResumptionProposal refuseResumption(String caseId, String proposalId, String reason, String internalNote,
			String by, Instant now) {
		EnforcementCase kase = requireCase(caseId);
		ResumptionProposal refused = kase.refuse(proposalId, reason, internalNote, by, now);
		raise(new ResumptionDecided(this.partnerId, caseId, proposalId, "REFUSED", null, reason, by, now));
		return refused;
	}

	/** Art. 7.5: lifts every measure whose agreed resumption time has come; true if any case changed. */
	public boolean liftDueMeasures(Instant now) {
		boolean changed = false;
		for (EnforcementCase kase : this.cases) {
			Instant due = kase.pendingLiftAt();
			if (due != null && !now.isBefore(due)) {
				reinstated(kase, kase.liftIfDue(now), kase.resolution().note(), now);
				changed = true;
			}
		}
		return changed;
	}

	private void reinstated(EnforcementCase kase, List<String> lifted, String note, Instant now) {
		if (!lifted.isEmpty()) {
			raise(new PartnerReinstated(this.partnerId, kase.caseId(), lifted, note, now));
		}
		refreshStanding(now);
		this.nextLiftAt = this.cases.stream()
			.map(EnforcementCase::pendingLiftAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	/** Publishes the new standing if the measures in force now add up to something else. */
	private void refreshStanding(Instant now) {
		Standing next = Standing.derive(activeMeasures(), now);
		if (!next.sameAs(standing())) {
			this.standing = next;
			raise(next.toEvent(this.partnerId));
		}
	}

	private List<ActiveMeasure> activeMeasures() {
		return this.cases.stream()
			.flatMap((c) -> c.activeMeasures().stream().map((m) -> ActiveMeasure.of(c, m)))
			.toList();
	}

	private EnforcementCase requireCase(String caseId) {
		return findCase(caseId).orElseThrow(
				() -> new IllegalArgumentException("Case " + caseId + " is not in the record of " + this.partnerId));
	}

	// ---------------------------------------------------------------- reading

	public Optional<EnforcementCase> findCase(String caseId) {
		return this.cases.stream().filter((c) -> c.caseId().equals(caseId)).findFirst();
	}

	/** The current standing; GOOD for a partner no measure was ever imposed on. */
	public Standing standing() {
		return (this.standing != null) ? this.standing : Standing.good(null);
	}

	public String partnerId() {
		return this.partnerId;
	}

	public Optional<PartnerProfile> partner() {
		return Optional.ofNullable(this.partner);
	}

	public List<EnforcementCase> cases() {
		return Collections.unmodifiableList(this.cases);
	}

	public Instant nextLiftAt() {
		return this.nextLiftAt;
	}
}
