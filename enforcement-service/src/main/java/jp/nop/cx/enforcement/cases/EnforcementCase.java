package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
				order.requestsPerSecond(), order.note(), by, now, null);
		this.measures.add(measure);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.MEASURE_IMPOSED, measure.measureId(),
				order.note()));
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
	List<String> resolve(Instant resumeAt, String note, String by, Instant now) {
		requireOpen();
		if (resumeAt != null && !resumeAt.isAfter(now)) {
			throw RuleViolation.invalid("resumeAt", "resume-at-not-in-future");
		}
		this.status = CaseStatus.RESOLVED;
		this.resolution = new Resolution(note, resumeAt, by, now, null);
		this.history.add(new HistoryEntry(now, by, HistoryEntry.Action.RESOLVED, null, note));
		return (resumeAt == null) ? lift(by, now) : List.of();
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

	public String getCaseId() {
		return this.caseId;
	}

	public String getPartnerId() {
		return this.partnerId;
	}

	public Category getCategory() {
		return this.category;
	}

	public Origin getOrigin() {
		return this.origin;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public String getDescription() {
		return this.description;
	}

	public String getEvidence() {
		return this.evidence;
	}

	public String getOpenedBy() {
		return this.openedBy;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public List<Measure> getMeasures() {
		return Collections.unmodifiableList(this.measures);
	}

	public List<DamageClaim> getDamageClaims() {
		return Collections.unmodifiableList(this.damageClaims);
	}

	public List<Detection> getDetections() {
		return Collections.unmodifiableList(this.detections);
	}

	public long getDetectionCount() {
		return this.detectionCount;
	}

	public Resolution getResolution() {
		return this.resolution;
	}

	public List<HistoryEntry> getHistory() {
		return Collections.unmodifiableList(this.history);
	}
}
