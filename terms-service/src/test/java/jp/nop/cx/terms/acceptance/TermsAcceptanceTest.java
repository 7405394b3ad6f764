package jp.nop.cx.terms.acceptance;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.TermsAccepted;
import jp.nop.cx.terms.version.TermsRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Art. 2.2, 16.3 and Art. 1.2: the record of a partner's acceptance. */
class TermsAcceptanceTest {

	private static final Instant USED_AT = Instant.parse("2026-05-01T09:30:00Z");

	private final TermsRef terms = new TermsRef(null, "2", "a".repeat(64));

	private final TermsRef webhooks = new TermsRef("webhooks", "1", "b".repeat(64));

	private final Acceptor user = Acceptor.user("p-1", "admin-p-1", "203.0.113.7", "Mozilla/5.0");

	@Test
	void theFirstUseAfterAChangeIsRecordedAsAcceptanceDeemedByUse() {
		TermsAcceptance acceptance = TermsAcceptance.accept(this.user, this.terms, List.of(this.webhooks),
				AcceptanceMethod.DEEMED_BY_USE, USED_AT, USED_AT.plusSeconds(1));

		assertThat(acceptance.method()).isEqualTo(AcceptanceMethod.DEEMED_BY_USE);
		assertThat(acceptance.acceptedAt()).isEqualTo(USED_AT);
		assertThat(acceptance.sha256()).isEqualTo(this.terms.sha256());
		assertThat(acceptance.supplementVersions()).containsExactly("webhooks:1");
		assertThat(acceptance.raisedEvents()).singleElement().isInstanceOfSatisfying(TermsAccepted.class, (e) -> {
			assertThat(e.partnerId()).isEqualTo("p-1");
			assertThat(e.loginId()).isEqualTo("admin-p-1");
			assertThat(e.version()).isEqualTo("2");
			assertThat(e.supplementVersions()).containsExactly("webhooks:1");
			assertThat(e.method()).isEqualTo("DEEMED_BY_USE");
			assertThat(e.clientIp()).isEqualTo("203.0.113.7");
			assertThat(e.acceptedAt()).isEqualTo(USED_AT);
			assertThat(e.partitionKey()).isEqualTo("p-1");
		});
	}

	@Test
	void supplementaryTermsAlreadyAcceptedUnderThisVersionAreNotAcceptedAgain() {
		TermsAcceptance acceptance = TermsAcceptance.accept(this.user, this.terms, List.of(this.webhooks),
				AcceptanceMethod.EXPLICIT, USED_AT, USED_AT);
		TermsRef export = new TermsRef("export", "3", "c".repeat(64));

		List<SupplementAcceptance> added = acceptance.acceptSupplements(this.user, List.of(this.webhooks, export),
				AcceptanceMethod.DEEMED_BY_USE, USED_AT.plusSeconds(60));

		assertThat(added).extracting(SupplementAcceptance::key).containsExactly("export:3");
		assertThat(acceptance.supplementVersions()).containsExactly("webhooks:1", "export:3");
		assertThat(acceptance.raisedEvents()).hasSize(2).last().isInstanceOfSatisfying(TermsAccepted.class, (e) -> {
			assertThat(e.version()).isEqualTo("2");
			assertThat(e.supplementVersions()).containsExactly("export:3");
			assertThat(e.method()).isEqualTo("DEEMED_BY_USE");
		});
		assertThat(acceptance.acceptSupplements(this.user, List.of(export), AcceptanceMethod.DEEMED_BY_USE,
				USED_AT.plusSeconds(120)))
			.isEmpty();
		assertThat(acceptance.raisedEvents()).hasSize(2);
	}

	@Test
	void aNewerSupplementOfTheSameScopeIsAcceptedBesideTheOlderOne() {
		TermsAcceptance acceptance = TermsAcceptance.accept(this.user, this.terms, List.of(this.webhooks),
				AcceptanceMethod.EXPLICIT, USED_AT, USED_AT);
		TermsRef webhooks2 = new TermsRef("webhooks", "2", "d".repeat(64));
		assertThat(acceptance.notYetAccepted(List.of(webhooks2))).containsExactly(webhooks2);
	}

	@Test
	void anApplicantHasNoLoginIdYetButTheApplicationIsKept() {
		Acceptor applicant = Acceptor.applicant("p-2", "app-9", "198.51.100.4", "Mozilla/5.0");
		TermsAcceptance acceptance = TermsAcceptance.accept(applicant, this.terms, List.of(),
				AcceptanceMethod.EXPLICIT, USED_AT, USED_AT);
		assertThat(acceptance.loginId()).isNull();
		assertThat(acceptance.applicationId()).isEqualTo("app-9");
	}

	@Test
	void anAcceptanceIsOfAVersionOfTheTermsNotOfASupplement() {
		assertThatThrownBy(() -> TermsAcceptance.accept(this.user, this.webhooks, List.of(),
				AcceptanceMethod.EXPLICIT, USED_AT, USED_AT))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anOverlongUserAgentIsCutSoNoClientCanBloatTheEvidence() {
		Acceptor acceptor = Acceptor.user("p-1", "admin-p-1", "203.0.113.7", "x".repeat(10_000));
		assertThat(acceptor.userAgent()).hasSize(512);
	}
}
