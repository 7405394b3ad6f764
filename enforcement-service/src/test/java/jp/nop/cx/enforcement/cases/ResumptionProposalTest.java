package jp.nop.cx.enforcement.cases;

import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.PartnerReinstated;
import jp.nop.cx.events.ResumptionDecided;
import jp.nop.cx.events.ResumptionProposed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Art. 7.5: resumption by consultation, as the rules on the partner's record read. */
class ResumptionProposalTest {

	private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");

	private static final Instant PROPOSED = NOW.plus(Duration.ofDays(2));

	private EnforcementRecord record;

	private EnforcementCase kase;

	@BeforeEach
	void suspendedPartner() {
		this.record = EnforcementRecord.of("p-1");
		this.record.partnerKnownAs("株式会社サンプル", NOW.minus(Duration.ofDays(30)));
		this.kase = this.record.openCase(Category.ID_MISUSE, "ID の共有", null, "operator", NOW);
		this.record.impose(this.kase.caseId(),
				new MeasureOrder(MeasureType.SUSPENSION, Scope.wholeService(), null, "停止します", "社内メモ"), "operator",
				NOW);
	}

	@Test
	void thePartnerProposesATimeAndNopIsToldWithoutTheMeasuresChanging() {
		ResumptionProposal proposal = propose(PROPOSED);

		assertThat(proposal.isPending()).isTrue();
		assertThat(this.kase.isOpen()).isTrue();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(this.record.raisedEvents()).last().isInstanceOfSatisfying(ResumptionProposed.class, (e) -> {
			assertThat(e.proposalId()).isEqualTo(proposal.proposalId());
			assertThat(e.category()).isEqualTo("ID_MISUSE");
			assertThat(e.proposedResumeAt()).isEqualTo(PROPOSED);
		});
	}

	@Test
	void agreementResolvesTheCaseWithTheProposedTimeAndLiftsTheMeasuresThen() {
		String proposalId = propose(PROPOSED).proposalId();

		this.record.agreeToResumption(this.kase.caseId(), proposalId, "合意します", "部長承認", "operator",
				NOW.plusSeconds(60));

		assertThat(this.kase.isOpen()).isFalse();
		assertThat(this.kase.resolution().resumeAt()).isEqualTo(PROPOSED);
		assertThat(this.kase.resolution().proposalId()).isEqualTo(proposalId);
		assertThat(this.record.nextLiftAt()).isEqualTo(PROPOSED);
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(this.record.raisedEvents()).filteredOn(ResumptionDecided.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(ResumptionDecided.class, (e) -> {
				assertThat(e.outcome()).isEqualTo("AGREED");
				assertThat(e.resumeAt()).isEqualTo(PROPOSED);
			});
		assertThat(this.record.liftDueMeasures(PROPOSED)).isTrue();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.GOOD);
		assertThat(this.record.raisedEvents()).filteredOn(PartnerReinstated.class::isInstance).hasSize(1);
	}

	@Test
	void anAgreementAfterTheProposedTimeHasPassedLiftsTheMeasuresAtOnce() {
		String proposalId = propose(NOW.plusSeconds(60)).proposalId();

		this.record.agreeToResumption(this.kase.caseId(), proposalId, null, null, "operator", NOW.plusSeconds(120));

		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.GOOD);
		assertThat(this.kase.resolution().liftedAt()).isEqualTo(NOW.plusSeconds(120));
	}

	@Test
	void aRefusalKeepsTheMeasuresAndLetsThePartnerProposeAgain() {
		String first = propose(PROPOSED).proposalId();

		this.record.refuseResumption(this.kase.caseId(), first, "説明が不十分です", null, "operator", NOW);

		assertThat(this.kase.isOpen()).isTrue();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(this.kase.findProposal(first)).get()
			.extracting(ResumptionProposal::status)
			.isEqualTo(ResumptionProposal.Status.REFUSED);
		assertThatThrownBy(() -> this.record.agreeToResumption(this.kase.caseId(), first, null, null, "operator", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("proposal-decided"));
		assertThat(propose(PROPOSED).isPending()).isTrue();
	}

	@Test
	void oneProposalWaitsAtATimeAndOnlyForAFutureTimeOnAnOpenCase() {
		propose(PROPOSED);
		assertThatThrownBy(() -> propose(PROPOSED.plusSeconds(1)))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("proposal-pending"));

		EnforcementCase other = this.record.openCase(Category.MALWARE, "x", null, "operator", NOW);
		assertThatThrownBy(() -> this.record.proposeResumption(other.caseId(), "解消しました", NOW, "admin-p-1", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.field()).isEqualTo("proposedResumeAt");
				assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
			});
		this.record.resolve(other.caseId(), null, "解決", null, "operator", NOW);
		assertThatThrownBy(() -> this.record.proposeResumption(other.caseId(), "解消しました", PROPOSED, "admin-p-1", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("case-resolved"));
	}

	@Test
	void nopDecidingAloneLetsAnUnansweredProposalLapse() {
		String proposalId = propose(PROPOSED).proposalId();

		this.record.resolve(this.kase.caseId(), NOW.plus(Duration.ofDays(5)), "NOP が定めます", null, "operator", NOW);

		assertThat(this.kase.findProposal(proposalId)).get()
			.extracting(ResumptionProposal::status)
			.isEqualTo(ResumptionProposal.Status.LAPSED);
		assertThat(this.kase.history()).extracting(HistoryEntry::action)
			.containsSubsequence(HistoryEntry.Action.RESUMPTION_PROPOSED, HistoryEntry.Action.RESUMPTION_LAPSED,
					HistoryEntry.Action.RESOLVED);
		assertThat(this.record.raisedEvents()).noneMatch(ResumptionDecided.class::isInstance);
	}

	private ResumptionProposal propose(Instant at) {
		return this.record.proposeResumption(this.kase.caseId(), "原因を取り除きました", at, "admin-p-1", NOW);
	}
}
