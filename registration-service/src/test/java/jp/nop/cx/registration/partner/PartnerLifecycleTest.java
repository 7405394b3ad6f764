package jp.nop.cx.registration.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.PartnerTransferRefused;
import jp.nop.cx.events.PartnerTransferRequested;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.PartnerUpdated;
import jp.nop.cx.events.RegistrationRejected;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of a partner registration, as the terms describe it, and the events each step raises. */
class PartnerLifecycleTest {

	private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

	private static final NoticePeriod NOTICE = new NoticePeriod(30);

	private static final LocalDate EARLIEST = LocalDate.of(2026, 12, 27);

	private final Company company = Company.of("株式会社テスト商事", "7000012050002", "100-0001", "東京都千代田区千代田1-1");

	@Test
	void anApplicationAcceptingTheTermsInForceIsSubmitted() {
		Partner application = apply();
		assertThat(application.status()).isEqualTo(PartnerStatus.SUBMITTED);
		assertThat(application.partnerId()).isNull();
		assertThat(application.agreement()).isEqualTo(new TermsAgreement("1", NOW, "203.0.113.7", "Mozilla/5.0"));
		assertThat(application.raisedEvents()).singleElement()
			.isInstanceOfSatisfying(RegistrationSubmitted.class, (e) -> {
				assertThat(e.applicationId()).isEqualTo("app-1");
				assertThat(e.termsVersion()).isEqualTo("1");
				assertThat(e.clientIp()).isEqualTo("203.0.113.7");
				assertThat(e.preferredLanguage()).isEqualTo("ja");
			});
	}

	@Test
	void anApplicantWhoDidNotAcceptIsToldTheVersionInForce() {
		assertThatThrownBy(() -> Partner.apply("app-1", this.company, representative(), contact(), null,
				new TermsAcceptance("1", false, "203.0.113.7", null), "1", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.code()).isEqualTo("terms-not-accepted");
				assertThat(v.members()).containsEntry("currentTermsVersion", "1");
			});
	}

	@Test
	void acceptingAnOlderVersionIsNotAcceptingTheTermsInForce() {
		assertThatThrownBy(() -> Partner.apply("app-1", this.company, representative(), contact(), Language.EN,
				new TermsAcceptance("1", true, "203.0.113.7", null), "2", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.code()).isEqualTo("terms-version-not-in-force");
				assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
				assertThat(v.members()).containsEntry("currentTermsVersion", "2");
			});
	}

	@Test
	void approvalMakesTheApplicantAPartnerAndRaisesPartnerApproved() {
		Partner partner = approved();
		assertThat(partner.status()).isEqualTo(PartnerStatus.APPROVED);
		assertThat(partner.partnerId()).isEqualTo("partner-1");
		assertThat(partner.raisedEvents()).last().isInstanceOfSatisfying(PartnerApproved.class, (e) -> {
			assertThat(e.partnerId()).isEqualTo("partner-1");
			assertThat(e.contactEmail()).isEqualTo("sato@example.co.jp");
			assertThat(e.termsVersion()).isEqualTo("1");
			assertThat(e.termsAcceptedAt()).isEqualTo(NOW);
			assertThat(e.approvedBy()).isEqualTo("operator");
		});
	}

	@Test
	void anApplicationIsDecidedOnlyOnce() {
		Partner partner = approved();
		assertThatThrownBy(() -> partner.approve("partner-2", "operator", NOW)).isInstanceOfSatisfying(
				RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("already-decided"));
		assertThatThrownBy(() -> partner.reject("遅すぎる判断", "operator", NOW)).isInstanceOf(RuleViolation.class);
		assertThat(partner.partnerId()).isEqualTo("partner-1");
	}

	@Test
	void rejectionFreesTheCorporateNumberAndRaisesRegistrationRejected() {
		Partner application = apply();
		application.reject("書類に不備があります", "operator", NOW);
		assertThat(application.status()).isEqualTo(PartnerStatus.REJECTED);
		assertThat(application.raisedEvents()).last()
			.isInstanceOfSatisfying(RegistrationRejected.class,
					(e) -> assertThat(e.reason()).isEqualTo("書類に不備があります"));
	}

	@Test
	void registrationInfoChangesRaisePartnerUpdatedButTheCorporateNumberNeverChanges() {
		Partner partner = approved();
		Contact newContact = Contact.of("鈴木 一郎", "suzuki@example.co.jp", "03-9876-5432");
		assertThat(partner.updateRegistrationInfo(this.company, representative(), newContact, Language.EN, "admin",
				NOW)).isTrue();
		assertThat(partner.raisedEvents()).last()
			.isInstanceOfSatisfying(PartnerUpdated.class, (e) -> assertThat(e.contactEmail()).isEqualTo(
					"suzuki@example.co.jp"));
		assertThat(partner.updateRegistrationInfo(this.company, representative(), newContact, Language.EN, "admin",
				NOW)).as("nothing changed, nothing raised").isFalse();

		Company otherNumber = Company.of("株式会社テスト商事", "7123456789012", "100-0001", "東京都千代田区千代田1-1");
		assertThatThrownBy(() -> partner.updateRegistrationInfo(otherNumber, representative(), newContact,
				Language.EN, "admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("corporate-number-immutable"));
	}

	@Test
	void anApplicationIsNotYetAPartnerWhoseInfoCanChange() {
		Partner application = apply();
		assertThatThrownBy(() -> application.updateRegistrationInfo(this.company, representative(), contact(),
				Language.JA, "admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("partner-not-active"));
	}

	@Test
	void aTerminationNeedsTheNoticePeriodAndNamesTheEarliestDate() {
		Partner partner = approved();
		assertThatThrownBy(() -> partner.scheduleTermination(Party.PARTNER, EARLIEST.minusDays(1), null, NOTICE,
				"admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.code()).isEqualTo("notice-period");
				assertThat(v.members()).containsEntry("earliestEffectiveOn", "2026-12-27");
			});
		partner.scheduleTermination(Party.PARTNER, EARLIEST, null, NOTICE, "admin", NOW);
		assertThat(partner.status()).isEqualTo(PartnerStatus.TERMINATION_SCHEDULED);
		assertThat(partner.raisedEvents()).last().isInstanceOfSatisfying(PartnerTerminationScheduled.class, (e) -> {
			assertThat(e.initiatedBy()).isEqualTo("PARTNER");
			assertThat(e.effectiveOn()).isEqualTo(EARLIEST);
			assertThat(e.withdrawn()).isFalse();
		});
	}

	@Test
	void oneTerminationAtATime() {
		Partner partner = approved();
		partner.scheduleTermination(Party.NOP, EARLIEST, "契約見直しのため", NOTICE, "operator", NOW);
		assertThatThrownBy(() -> partner.scheduleTermination(Party.PARTNER, EARLIEST.plusDays(5), null, NOTICE,
				"admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("termination-already-scheduled"));
	}

	@Test
	void thePartnerWithdrawsItsOwnNoticeButNotNops() {
		Partner byPartner = approved();
		byPartner.scheduleTermination(Party.PARTNER, EARLIEST, null, NOTICE, "admin", NOW);
		byPartner.withdrawTermination(Party.PARTNER, "admin", NOW.plusSeconds(60));
		assertThat(byPartner.status()).isEqualTo(PartnerStatus.APPROVED);
		assertThat(byPartner.termination()).isNull();
		assertThat(byPartner.raisedEvents()).last()
			.isInstanceOfSatisfying(PartnerTerminationScheduled.class, (e) -> assertThat(e.withdrawn()).isTrue());

		Partner byNop = approved();
		byNop.scheduleTermination(Party.NOP, EARLIEST, "契約見直しのため", NOTICE, "operator", NOW);
		assertThatThrownBy(() -> byNop.withdrawTermination(Party.PARTNER, "admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("termination-by-other-party"));
	}

	@Test
	void aTerminationTakesEffectAtTheStartOfItsDayInTokyoAndOnlyOnce() {
		Partner partner = approved();
		partner.scheduleTermination(Party.PARTNER, EARLIEST, null, NOTICE, "admin", NOW);
		Instant midnightTokyo = Instant.parse("2026-12-26T15:00:00Z");
		assertThat(partner.terminateIfDue(midnightTokyo.minusMillis(1))).isFalse();
		assertThat(partner.terminateIfDue(midnightTokyo)).isTrue();
		assertThat(partner.status()).isEqualTo(PartnerStatus.TERMINATED);
		assertThat(partner.raisedEvents()).last().isInstanceOfSatisfying(PartnerTerminated.class, (e) -> {
			assertThat(e.effectiveOn()).isEqualTo(EARLIEST);
			assertThat(e.initiatedBy()).isEqualTo("PARTNER");
		});
		int events = partner.raisedEvents().size();
		assertThat(partner.terminateIfDue(midnightTokyo.plus(Duration.ofDays(1)))).isFalse();
		assertThat(partner.raisedEvents()).hasSize(events);
	}

	@Test
	void aTerminationInEffectCannotBeWithdrawn() {
		Partner partner = approved();
		partner.scheduleTermination(Party.PARTNER, EARLIEST, null, NOTICE, "admin", NOW);
		assertThatThrownBy(() -> partner.withdrawTermination(Party.PARTNER, "admin",
				Instant.parse("2026-12-26T15:00:00Z")))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("termination-in-effect"));
	}

	@Test
	void nothingMovesOnATransferUntilNopConsents() {
		Partner partner = approved();
		Transfer transfer = partner.requestTransfer("transfer-1", transferee(), "事業譲渡のため", "admin", NOW);
		assertThat(transfer.status()).isEqualTo(TransferStatus.REQUESTED);
		assertThat(partner.company()).isEqualTo(this.company);
		assertThat(partner.raisedEvents()).noneMatch(PartnerTransferred.class::isInstance);
		assertThat(partner.raisedEvents()).last().isInstanceOfSatisfying(PartnerTransferRequested.class, (e) -> {
			assertThat(e.transferId()).isEqualTo("transfer-1");
			assertThat(e.transfereeCompanyName()).isEqualTo("株式会社譲受");
			assertThat(e.reason()).isEqualTo("事業譲渡のため");
		});

		partner.consentToTransfer("transfer-1", "operator", NOW.plusSeconds(3600));
		assertThat(partner.partnerId()).isEqualTo("partner-1");
		assertThat(partner.company().name()).isEqualTo("株式会社譲受");
		assertThat(partner.contact().email()).isEqualTo("tanaka@joju.example.jp");
		assertThat(partner.transfer("transfer-1")).get()
			.extracting(Transfer::status)
			.isEqualTo(TransferStatus.CONSENTED);
		assertThat(partner.raisedEvents()).last().isInstanceOfSatisfying(PartnerTransferred.class, (e) -> {
			assertThat(e.previousCompanyName()).isEqualTo("株式会社テスト商事");
			assertThat(e.previousContactEmail()).isEqualTo("sato@example.co.jp");
			assertThat(e.corporateNumber()).isEqualTo("7123456789012");
			assertThat(e.contactEmail()).isEqualTo("tanaka@joju.example.jp");
		});
		assertThatThrownBy(() -> partner.refuseTransfer("transfer-1", null, "operator", NOW))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("transfer-already-decided"));
	}

	@Test
	void oneTransferRequestAtATimeAndNeverToItself() {
		Partner partner = approved();
		partner.requestTransfer("transfer-1", transferee(), "事業譲渡のため", "admin", NOW);
		assertThatThrownBy(() -> partner.requestTransfer("transfer-2", transferee(), "再申請", "admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("transfer-pending"));
		partner.refuseTransfer("transfer-1", "書面の承諾がありません", "operator", NOW);
		assertThat(partner.company()).isEqualTo(this.company);
		assertThat(partner.raisedEvents()).last().isInstanceOfSatisfying(PartnerTransferRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo("書面の承諾がありません"));

		Transferee itself = new Transferee(this.company, null, contact(), null);
		assertThatThrownBy(() -> partner.requestTransfer("transfer-3", itself, "同一法人", "admin", NOW))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("transferee-is-partner"));
	}

	@Test
	void aPendingTransferLapsesWhenThePartnershipEnds() {
		Partner partner = approved();
		partner.requestTransfer("transfer-1", transferee(), "事業譲渡のため", "admin", NOW);
		partner.scheduleTermination(Party.NOP, EARLIEST, "契約見直しのため", NOTICE, "operator", NOW);
		assertThatThrownBy(() -> partner.consentToTransfer("transfer-1", "operator", NOW))
			.isInstanceOfSatisfying(RuleViolation.class,
					(v) -> assertThat(v.code()).isEqualTo("termination-scheduled"));
		partner.terminateIfDue(NoticePeriod.startOf(EARLIEST));
		assertThat(partner.transfer("transfer-1")).get()
			.extracting(Transfer::status)
			.isEqualTo(TransferStatus.LAPSED);
	}

	private Partner apply() {
		return Partner.apply("app-1", this.company, representative(), contact(), null,
				new TermsAcceptance("1", true, "203.0.113.7", "Mozilla/5.0"), "1", NOW);
	}

	private Partner approved() {
		Partner partner = apply();
		partner.approve("partner-1", "operator", NOW);
		return partner;
	}

	private static Representative representative() {
		return Representative.of("山田 太郎", "代表取締役");
	}

	private static Contact contact() {
		return Contact.of("佐藤 花子", "sato@example.co.jp", "03-1234-5678");
	}

	private static Transferee transferee() {
		return new Transferee(Company.of("株式会社譲受", "7123456789012", "530-0001", "大阪府大阪市北区梅田1-1"),
				Representative.of("田中 次郎", "代表取締役社長"), Contact.of("田中 次郎", "tanaka@joju.example.jp",
						"06-1234-5678"),
				null);
	}
}
