package jp.nop.cx.enforcement.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import jp.nop.cx.platform.rules.RuleViolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Every change to a partner's enforcement record: load it, let the record apply the rule, save it
 * with its events in one write. A concurrent change to the same record (another operator, the
 * lifting job, a consumer) is met by applying the command again to the fresh record, so its
 * rules are checked against what is really there.
 */
@Service
public class CaseService {

	private static final Logger log = LoggerFactory.getLogger(CaseService.class);

	private static final int ATTEMPTS = 5;

	/** Art. 7.1(3): what an automated case says to the operator who picks it up. */
	static final String DETECTION_DESCRIPTION = "ゲートウェイが本サービスへの過重な負荷を継続して検知しました（第7条第1項第3号）。"
			+ "措置の要否を判断してください。";

	private final EnforcementRecordRepository records;

	private final CaseProperties properties;

	private final Clock clock;

	CaseService(EnforcementRecordRepository records, CaseProperties properties, Clock clock) {
		this.records = records;
		this.properties = properties;
		this.clock = clock;
	}

	/** Art. 7.1: opens a case against a partner known from registration-service's events. */
	public EnforcementCase open(String partnerId, Category category, String description, String evidence, String by) {
		return change(partnerId, false, (record) -> record.openCase(category, description, evidence, by, now()));
	}

	/** Art. 7.2: imposes a measure in a case; answers the case as saved and the measure. */
	public InCase<Measure> impose(String caseId, MeasureOrder order, String by) {
		InCase<Measure> imposed = changeCase(caseId, (record) -> record.impose(caseId, order, by, now()));
		log.info("Measure {} {} imposed in case {} by {}", imposed.change().type(), imposed.change().measureId(),
				caseId, by);
		return imposed;
	}

	/** Art. 7.6: records damages claimed; answers the case as saved and the claim. */
	public InCase<DamageClaim> claimDamages(String caseId, long amountYen, String description, String by) {
		return changeCase(caseId, (record) -> record.claimDamages(caseId, amountYen, description, by, now()));
	}

	/** Art. 7.5: records the resolution; the measures lift now or at {@code resumeAt}. */
	public EnforcementCase resolve(String caseId, Instant resumeAt, String note, String internalNote, String by) {
		Instant resumption = (resumeAt != null) ? resumeAt.truncatedTo(ChronoUnit.MILLIS) : null;
		EnforcementCase kase = changeCase(caseId,
				(record) -> record.resolve(caseId, resumption, note, internalNote, by, now())).kase();
		log.info("Case {} resolved by {}; measures lift {}", caseId, by, (resumeAt != null) ? "at " + resumeAt : "now");
		return kase;
	}

	/**
	 * Art. 7.5: a partner proposes when to resume, on one of its own cases; another partner's case
	 * is answered as if it did not exist.
	 */
	public ResumptionProposal propose(String partnerId, String caseId, String statement, Instant proposedResumeAt,
			String by) {
		String owner = partnerOf(caseId);
		if (!owner.equals(partnerId)) {
			throw RuleViolation.notFound("case").with("caseId", caseId);
		}
		Instant proposed = proposedResumeAt.truncatedTo(ChronoUnit.MILLIS);
		ResumptionProposal proposal = change(owner, false,
				(record) -> record.proposeResumption(caseId, statement, proposed, by, now()));
		log.info("Partner {} proposes to resume case {} at {} (proposal {}, by {})", partnerId, caseId, proposed,
				proposal.proposalId(), by);
		return proposal;
	}

	/** Art. 7.5: NOP agrees; the case is resolved with the proposed time. */
	public EnforcementCase agree(String caseId, String proposalId, String note, String internalNote, String by) {
		EnforcementCase kase = change(partnerOf(caseId), false, (record) -> {
			requireProposal(record, caseId, proposalId);
			return record.agreeToResumption(caseId, proposalId, note, internalNote, by, now());
		});
		log.info("Case {}: proposal {} agreed by {}; measures lift at {}", caseId, proposalId, by,
				kase.resolution().resumeAt());
		return kase;
	}

	/** Art. 7.5: NOP declines with a reason. */
	public EnforcementCase refuse(String caseId, String proposalId, String reason, String internalNote, String by) {
		EnforcementCase kase = change(partnerOf(caseId), false, (record) -> {
			requireProposal(record, caseId, proposalId);
			record.refuseResumption(caseId, proposalId, reason, internalNote, by, now());
			return record.findCase(caseId).orElseThrow();
		});
		log.info("Case {}: proposal {} refused by {}", caseId, proposalId, by);
		return kase;
	}

	private String partnerOf(String caseId) {
		return this.records.findByCasesCaseId(caseId)
			.map(EnforcementRecord::partnerId)
			.orElseThrow(() -> RuleViolation.notFound("case").with("caseId", caseId));
	}

	private static void requireProposal(EnforcementRecord record, String caseId, String proposalId) {
		if (record.findCase(caseId).flatMap((c) -> c.findProposal(proposalId)).isEmpty()) {
			throw RuleViolation.notFound("proposal").with("proposalId", proposalId);
		}
	}

	/** From partner-approved and partner-transferred: the partner exists, under this name. */
	public void partnerKnown(String partnerId, String companyName, Instant at) {
		change(partnerId, true, (record) -> {
			record.partnerKnownAs(companyName, at);
			return record;
		});
	}

	/** From partner-terminated. */
	public void partnerTerminated(String partnerId, Instant at) {
		change(partnerId, true, (record) -> {
			record.partnerTerminated(at);
			return record;
		});
	}

	/** Art. 7.1(3): a detection by the gateway, on the partner's open automated case or a new one. */
	public EnforcementCase recordDetection(String partnerId, Detection detection) {
		EnforcementCase kase = change(partnerId, true, (record) -> record.recordDetection(detection,
				DETECTION_DESCRIPTION, this.properties.detectionsKept(), now()));
		log.info("Excessive load of partner {} (event {}) recorded on automated case {}", partnerId,
				detection.eventId(), kase.caseId());
		return kase;
	}

	/** Art. 7.5: lifts measures whose resumption time has come; returns how many records changed. */
	public int liftDueMeasures() {
		int changed = 0;
		for (EnforcementRecord due : this.records.findTop100ByNextLiftAtLessThanEqual(now())) {
			try {
				if (change(due.partnerId(), false, (record) -> record.liftDueMeasures(now()))) {
					changed++;
				}
			}
			catch (RuntimeException ex) {
				// The next run retries; one record must not hold up the others.
				log.warn("Lifting the due measures of partner {} failed (will retry): {}", due.partnerId(),
						ex.toString());
			}
		}
		return changed;
	}

	/** What a command on a case changed, with the case as saved: what the API answers. */
	public record InCase<T>(EnforcementCase kase, T change) {
	}

	/** A command on the record holding {@code caseId}: found by the case, read once. */
	private <T> InCase<T> changeCase(String caseId, Function<EnforcementRecord, T> command) {
		EnforcementRecord holder = this.records.findByCasesCaseId(caseId)
			.orElseThrow(() -> RuleViolation.notFound("case").with("caseId", caseId));
		return apply(holder.partnerId(), holder, false, (record) -> {
			T change = command.apply(record);
			return new InCase<>(record.findCase(caseId).orElseThrow(), change);
		});
	}

	private <T> T change(String partnerId, boolean createIfMissing, Function<EnforcementRecord, T> command) {
		return apply(partnerId, this.records.findById(partnerId).orElse(null), createIfMissing, command);
	}

	/** Applies the command to the loaded record and saves it; reads it again only after a concurrent change. */
	private <T> T apply(String partnerId, EnforcementRecord loaded, boolean createIfMissing,
			Function<EnforcementRecord, T> command) {
		EnforcementRecord record = loaded;
		for (int attempt = 1;; attempt++) {
			if (record == null) {
				if (!createIfMissing) {
					throw RuleViolation.invalid("partnerId", "unknown-partner");
				}
				record = EnforcementRecord.of(partnerId);
			}
			T result = command.apply(record);
			try {
				this.records.save(record);
				return result;
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
				log.debug("Record of partner {} changed concurrently; applying again", partnerId);
				record = this.records.findById(partnerId).orElse(null);
			}
		}
	}

	/** Mongo keeps milliseconds: so does every time the rules compare and publish. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}
}
