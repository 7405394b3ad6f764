package jp.nop.cx.enforcement.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.Capability;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.PartnerReinstated;
import jp.nop.cx.events.PartnerStanding;
import jp.nop.cx.events.PartnerSuspended;
import jp.nop.cx.events.PartnerThrottled;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of cases and measures (Art. 7) on a partner's enforcement record. */
class EnforcementRecordTest {

	private static final Instant NOW = Instant.parse("2026-04-01T01:00:00Z");

	private static final String OPERATOR = "operator";

	private EnforcementRecord record;

	@BeforeEach
	void knownPartner() {
		this.record = EnforcementRecord.of("p-1");
		this.record.partnerKnownAs("株式会社サンプル", NOW.minus(Duration.ofDays(30)));
	}

	@Test
	void aCaseIsOpenedAgainstAKnownPartnerOnly() {
		EnforcementRecord unknown = EnforcementRecord.of("p-unknown");

		assertThatThrownBy(() -> unknown.openCase(Category.MALWARE, "マルウェアの送信", null, OPERATOR, NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.code()).isEqualTo("unknown-partner");
				assertThat(v.field()).isEqualTo("partnerId");
			});
		assertThat(unknown.cases()).isEmpty();
	}

	@Test
	void aNewCaseIsOpenAndManualWithItsOpeningInTheHistory() {
		EnforcementCase kase = open();

		assertThat(kase.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(kase.origin()).isEqualTo(Origin.MANUAL);
		assertThat(kase.history()).extracting(HistoryEntry::action).containsExactly(HistoryEntry.Action.OPENED);
		assertThat(this.record.raisedEvents()).isEmpty();
	}

	@Test
	void suspensionNeedsNoPriorWarning() {
		EnforcementCase kase = open();

		Measure measure = this.record.impose(kase.caseId(), MeasureOrder.suspension(Scope.wholeService(), "全面停止"),
				OPERATOR, NOW);

		assertThat(measure.isActive()).isTrue();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(this.record.raisedEvents()).hasExactlyElementsOfTypes(PartnerSuspended.class,
				PartnerStanding.class);
		PartnerSuspended suspended = (PartnerSuspended) this.record.raisedEvents().get(0);
		assertThat(suspended.all()).isTrue();
		assertThat(suspended.category()).isEqualTo("TERMS_VIOLATION");
		assertThat(suspended.measureId()).isEqualTo(measure.measureId());
	}

	@Test
	void eachMeasureTypeRaisesItsOwnEventAndOtherRaisesNone() {
		EnforcementCase kase = open();

		this.record.impose(kase.caseId(), MeasureOrder.warning("警告"), OPERATOR, NOW);
		this.record.impose(kase.caseId(), MeasureOrder.throttle(2, "流量制限"), OPERATOR, NOW);
		this.record.impose(kase.caseId(), MeasureOrder.other("個別対応"), OPERATOR, NOW);

		assertThat(this.record.raisedEvents()).hasExactlyElementsOfTypes(PartnerWarned.class, PartnerStanding.class,
				PartnerThrottled.class, PartnerStanding.class, PartnerStanding.class);
		PartnerStanding last = (PartnerStanding) this.record.raisedEvents().get(4);
		assertThat(last.status()).isEqualTo("THROTTLED");
		assertThat(last.throttleRequestsPerSecond()).isEqualTo(2);
		assertThat(last.activeMeasures()).extracting(PartnerStanding.ActiveMeasure::type)
			.containsExactly("WARNING", "THROTTLE", "OTHER");
	}

	@Test
	void partialSuspensionNamesTheCapabilities() {
		EnforcementCase kase = open();

		this.record.impose(kase.caseId(),
				MeasureOrder.suspension(Scope.of(List.of(Capability.EXPORT, Capability.WEBHOOKS)), "一部停止"), OPERATOR,
				NOW);

		PartnerSuspended suspended = (PartnerSuspended) this.record.raisedEvents().get(0);
		assertThat(suspended.all()).isFalse();
		assertThat(suspended.capabilities()).containsExactly(Capability.WEBHOOKS, Capability.EXPORT);
		PartnerStanding standing = (PartnerStanding) this.record.raisedEvents().get(1);
		assertThat(standing.status()).isEqualTo("PARTIALLY_SUSPENDED");
		assertThat(standing.suspendedCapabilities()).containsExactly(Capability.WEBHOOKS, Capability.EXPORT);
	}

	@Test
	void measuresStayUntilResolution() {
		EnforcementCase kase = open();
		this.record.impose(kase.caseId(), MeasureOrder.suspension(Scope.wholeService(), "停止"), OPERATOR, NOW);

		// Art. 7.3: time alone lifts nothing; only a resolution does.
		assertThat(this.record.liftDueMeasures(NOW.plus(Duration.ofDays(365)))).isFalse();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(kase.activeMeasures()).hasSize(1);
	}

	@Test
	void resolutionWithoutResumptionTimeLiftsTheMeasuresNow() {
		EnforcementCase kase = open();
		Measure warning = this.record.impose(kase.caseId(), MeasureOrder.warning("警告"), OPERATOR, NOW);
		Measure suspension = this.record.impose(kase.caseId(),
				MeasureOrder.suspension(Scope.wholeService(), "停止"), OPERATOR, NOW);
		int before = this.record.raisedEvents().size();

		this.record.resolve(kase.caseId(), null, "是正を確認", null, OPERATOR, NOW.plusSeconds(60));

		List<CxEvent> raised = this.record.raisedEvents().subList(before, this.record.raisedEvents().size());
		assertThat(raised).hasExactlyElementsOfTypes(PartnerReinstated.class, PartnerStanding.class);
		assertThat(((PartnerReinstated) raised.get(0)).measureIds()).containsExactly(warning.measureId(),
				suspension.measureId());
		assertThat(((PartnerStanding) raised.get(1)).status()).isEqualTo("GOOD");
		assertThat(kase.status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(kase.resolution().liftedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(kase.history()).extracting(HistoryEntry::action)
			.containsExactly(HistoryEntry.Action.OPENED, HistoryEntry.Action.MEASURE_IMPOSED,
					HistoryEntry.Action.MEASURE_IMPOSED, HistoryEntry.Action.RESOLVED,
					HistoryEntry.Action.MEASURES_LIFTED);
	}

	@Test
	void resolutionWithResumptionTimeLiftsTheMeasuresAtThatTime() {
		EnforcementCase kase = open();
		this.record.impose(kase.caseId(), MeasureOrder.suspension(Scope.wholeService(), "停止"), OPERATOR, NOW);
		Instant resumeAt = NOW.plus(Duration.ofDays(3));

		this.record.resolve(kase.caseId(), resumeAt, "再開日を協議で決定", null, OPERATOR, NOW);

		assertThat(kase.status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.SUSPENDED);
		assertThat(this.record.nextLiftAt()).isEqualTo(resumeAt);
		assertThat(this.record.liftDueMeasures(resumeAt.minusMillis(1))).isFalse();

		assertThat(this.record.liftDueMeasures(resumeAt)).isTrue();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.GOOD);
		assertThat(this.record.nextLiftAt()).isNull();
		assertThat(this.record.raisedEvents()).last().isInstanceOf(PartnerStanding.class);
		assertThat(this.record.raisedEvents()).filteredOn(PartnerReinstated.class::isInstance).hasSize(1);

		// Idempotent: nothing is due any more.
		assertThat(this.record.liftDueMeasures(resumeAt.plusSeconds(10))).isFalse();
	}

	@Test
	void theResumptionTimeMustBeInTheFuture() {
		EnforcementCase kase = open();

		assertThatThrownBy(() -> this.record.resolve(kase.caseId(), NOW, "再開", null, OPERATOR, NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
				assertThat(v.field()).isEqualTo("resumeAt");
			});
		assertThat(kase.status()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void aResolvedCaseTakesNoMeasure() {
		EnforcementCase kase = open();
		this.record.resolve(kase.caseId(), null, "解決", null, OPERATOR, NOW);

		assertThatThrownBy(() -> this.record.impose(kase.caseId(), MeasureOrder.warning("警告"), OPERATOR, NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
				assertThat(v.code()).isEqualTo("case-resolved");
			});
		assertThat(kase.measures()).isEmpty();
	}

	@Test
	void aCaseIsResolvedOnce() {
		EnforcementCase kase = open();
		this.record.resolve(kase.caseId(), null, "解決", null, OPERATOR, NOW);

		assertThatThrownBy(() -> this.record.resolve(kase.caseId(), null, "再度", null, OPERATOR, NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("case-resolved"));
	}

	@Test
	void resolvingOneCaseLeavesTheMeasuresOfOtherCasesInForce() {
		EnforcementCase first = open();
		EnforcementCase second = open();
		this.record.impose(first.caseId(), MeasureOrder.suspension(Scope.wholeService(), "停止"), OPERATOR, NOW);
		this.record.impose(second.caseId(), MeasureOrder.throttle(4, "流量制限"), OPERATOR, NOW);

		this.record.resolve(first.caseId(), null, "解決", null, OPERATOR, NOW);

		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.THROTTLED);
		assertThat(this.record.standing().activeMeasures()).extracting(ActiveMeasure::caseId)
			.containsExactly(second.caseId());
	}

	@Test
	void theStandingIsPublishedOnlyWhenItChanges() {
		EnforcementCase kase = open();
		EnforcementCase emptyCase = open();

		this.record.resolve(emptyCase.caseId(), null, "措置なしで解決", null, OPERATOR, NOW);
		assertThat(this.record.raisedEvents()).isEmpty();

		this.record.claimDamages(kase.caseId(), 1_000_000, "復旧費用", OPERATOR, NOW);
		assertThat(this.record.raisedEvents()).isEmpty();
	}

	@Test
	void damagesAreClaimedOnTheCaseEvenAfterItsResolution() {
		EnforcementCase kase = open();
		this.record.resolve(kase.caseId(), null, "解決", null, OPERATOR, NOW);

		DamageClaim claim = this.record.claimDamages(kase.caseId(), 250_000, "調査費用", OPERATOR, NOW);

		assertThat(kase.damageClaims()).containsExactly(claim);
		assertThat(claim.amountYen()).isEqualTo(250_000);
	}

	@Test
	void aTerminatedPartnerTakesNoMoreMeasures() {
		EnforcementCase kase = open();
		this.record.partnerTerminated(NOW);

		assertThatThrownBy(() -> this.record.impose(kase.caseId(), MeasureOrder.warning("警告"), OPERATOR, NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("partner-terminated"));
	}

	@Test
	void excessiveLoadOpensOneAutomatedCaseWithoutAMeasure() {
		EnforcementCase kase = this.record.recordDetection(detection("e-1"), "自動検知", 10, NOW);

		assertThat(kase.origin()).isEqualTo(Origin.AUTOMATED);
		assertThat(kase.category()).isEqualTo(Category.EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS);
		assertThat(kase.measures()).isEmpty();
		assertThat(this.record.raisedEvents()).isEmpty();
		assertThat(this.record.standing().status()).isEqualTo(StandingStatus.GOOD);
	}

	@Test
	void furtherDetectionsAreAddedToTheOpenAutomatedCase() {
		EnforcementCase first = this.record.recordDetection(detection("e-1"), "自動検知", 10, NOW);
		EnforcementCase again = this.record.recordDetection(detection("e-2"), "自動検知", 10, NOW.plusSeconds(60));
		this.record.recordDetection(detection("e-2"), "自動検知", 10, NOW.plusSeconds(61));

		assertThat(again.caseId()).isEqualTo(first.caseId());
		assertThat(this.record.cases()).hasSize(1);
		assertThat(first.detections()).extracting(Detection::eventId).containsExactly("e-1", "e-2");
		assertThat(first.detectionCount()).isEqualTo(2);
	}

	@Test
	void aDetectionAfterTheAutomatedCaseWasResolvedOpensANewOne() {
		EnforcementCase first = this.record.recordDetection(detection("e-1"), "自動検知", 10, NOW);
		this.record.resolve(first.caseId(), null, "一時的な負荷と判断", null, OPERATOR, NOW);

		EnforcementCase next = this.record.recordDetection(detection("e-3"), "自動検知", 10, NOW.plusSeconds(600));

		assertThat(next.caseId()).isNotEqualTo(first.caseId());
		assertThat(this.record.cases()).hasSize(2);
	}

	@Test
	void anAutomatedCaseKeepsTheLatestDetectionsAndCountsAll() {
		for (int i = 0; i < 5; i++) {
			this.record.recordDetection(detection("e-" + i), "自動検知", 3, NOW.plusSeconds(i));
		}

		EnforcementCase kase = this.record.cases().get(0);
		assertThat(kase.detections()).extracting(Detection::eventId).containsExactly("e-2", "e-3", "e-4");
		assertThat(kase.detectionCount()).isEqualTo(5);
	}

	private EnforcementCase open() {
		return this.record.openCase(Category.TERMS_VIOLATION, "利用規約違反の報告", "アクセスログ抜粋", OPERATOR, NOW);
	}

	private static Detection detection(String eventId) {
		return new Detection(eventId, "203.0.113.10", NOW.minusSeconds(60), NOW, 1200, 10, NOW);
	}
}
