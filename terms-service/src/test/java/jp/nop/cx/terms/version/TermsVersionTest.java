package jp.nop.cx.terms.version;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Art. 16.1, 16.2: publishing a version of the terms. */
class TermsVersionTest {

	private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

	private static final long MIB = 1024 * 1024;

	private final PublicationPolicy policy = new PublicationPolicy(Duration.ofMinutes(1), MIB);

	@Test
	void publishingRaisesTermsChangedSoPartnersAreNotifiedBeforeItTakesEffect() {
		TermsVersion version = TermsVersion.publish(draft("2", NOW.plus(Duration.ofDays(30)), "本文"), "operator",
				NOW, this.policy, () -> 7);

		assertThat(version.raisedEvents()).singleElement().isInstanceOfSatisfying(TermsChanged.class, (event) -> {
			assertThat(event.kind()).isEqualTo("BASE");
			assertThat(event.scope()).isNull();
			assertThat(event.version()).isEqualTo("2");
			assertThat(event.effectiveFrom()).isEqualTo(NOW.plus(Duration.ofDays(30)));
			assertThat(event.changeSummary()).isEqualTo("第16条を明確化");
			assertThat(event.sha256()).isEqualTo(TermsVersion.sha256("本文"));
			assertThat(event.publishedAt()).isEqualTo(NOW);
			assertThat(event.partitionKey()).isEqualTo("base");
		});
		assertThat(version.sequence()).isEqualTo(7);
	}

	@Test
	void theHashIsTheHexSha256OfTheUtf8Body() {
		// printf '本規約' | sha256sum
		assertThat(TermsVersion.sha256("本規約"))
			.isEqualTo("30c66ff6e6d62eb49126ab40bd52b6b43c876d20a344b4938fa6043f08c0039b");
	}

	@Test
	void aVersionMayTakeEffectNowOrWithinTheGraceOfTheRequest() {
		TermsVersion version = TermsVersion.publish(draft("2", NOW.minusSeconds(60), "本文"), "operator", NOW,
				this.policy, () -> 1);
		assertThat(version.effectiveFrom()).isEqualTo(NOW.minusSeconds(60));
	}

	@Test
	void aVersionCannotBeBackdatedBeyondTheGrace() {
		assertThatThrownBy(() -> TermsVersion.publish(draft("2", NOW.minusSeconds(61), "本文"), "operator", NOW,
				this.policy, () -> 1))
			.isInstanceOfSatisfying(RuleViolation.class, (violation) -> {
				assertThat(violation.code()).isEqualTo("effective-from-in-past");
				assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
				assertThat(violation.members()).containsEntry("earliestEffectiveFrom", NOW.minusSeconds(60));
			});
	}

	@Test
	void aBodyOfExactlyOneMebibyteOfUtf8IsAccepted() {
		String body = "あ".repeat((int) (MIB / 3)) + "a";
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize((int) MIB);
		assertThat(TermsVersion.publish(draft("2", NOW, body), "operator", NOW, this.policy, () -> 1).body())
			.isEqualTo(body);
	}

	@Test
	void aBodyOneByteOverOneMebibyteIsTooLarge() {
		String body = "あ".repeat((int) (MIB / 3)) + "ab";
		assertThatThrownBy(() -> TermsVersion.publish(draft("2", NOW, body), "operator", NOW, this.policy, () -> 1))
			.isInstanceOfSatisfying(RuleViolation.class, (violation) -> {
				assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.TOO_LARGE);
				assertThat(violation.members()).containsEntry("limit", MIB).containsEntry("size", MIB + 1);
			});
	}

	@Test
	void aNewVersionSaysWhatChanged() {
		TermsDraft withoutSummary = new TermsDraft(null, "2", NOW, "利用規約", "本文", " ", "ja");
		assertThatThrownBy(() -> TermsVersion.publish(withoutSummary, "operator", NOW, this.policy, () -> 1))
			.isInstanceOfSatisfying(RuleViolation.class,
					(violation) -> assertThat(violation.field()).isEqualTo("changeSummary"));
	}

	@Test
	void operatorsCannotMarkAVersionAsTheInitialOneWhichIsNotNotified() {
		TermsDraft disguised = new TermsDraft(null, "2", NOW, "利用規約", "本文", "[initial] 実は変更", "ja");
		assertThatThrownBy(() -> TermsVersion.publish(disguised, "operator", NOW, this.policy, () -> 1))
			.isInstanceOfSatisfying(RuleViolation.class,
					(violation) -> assertThat(violation.code()).isEqualTo("reserved-change-summary"));
	}

	@Test
	void theSequenceIsDrawnOnlyForADraftThatPassedEveryRule() {
		assertThatThrownBy(() -> TermsVersion.publish(draft("2", NOW.minusSeconds(3600), "本文"), "operator", NOW,
				this.policy, () -> {
					throw new AssertionError("sequence drawn for a refused draft");
				}))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void subMillisecondEffectiveTimesRoundUpSoNoVersionTakesEffectEarly() {
		Instant requested = NOW.plusSeconds(10).plusNanos(1);
		TermsVersion version = TermsVersion.publish(draft("2", requested, "本文"), "operator", NOW, this.policy,
				() -> 1);
		assertThat(version.effectiveFrom()).isEqualTo(NOW.plusSeconds(10).plusMillis(1));
	}

	@Test
	void supplementaryTermsAreKeyedByTheirScope() {
		TermsDraft supplement = new TermsDraft(SupplementScope.parse("webhooks"), "1", NOW, "Webhook利用規約",
				"Webhookの送信先は自社管理のものに限ります。", "新設", "ja");
		TermsVersion version = TermsVersion.publish(supplement, "operator", NOW, this.policy, () -> 1);
		assertThat(version.id()).isEqualTo("supplement:webhooks:1");
		assertThat(version.raisedEvents()).singleElement().isInstanceOfSatisfying(TermsChanged.class, (event) -> {
			assertThat(event.kind()).isEqualTo("SUPPLEMENT");
			assertThat(event.scope()).isEqualTo("webhooks");
			assertThat(event.partitionKey()).isEqualTo("supplement:webhooks");
		});
	}

	@Test
	void theSeedIsMarkedInitialSoNoPartnerIsNotifiedOfIt() {
		TermsVersion seed = TermsVersion.seed("1", "NOP CX ポータル利用規約", "本文", "ja",
				Instant.parse("2026-03-31T15:00:00Z"), NOW, 1);
		assertThat(seed.initial()).isTrue();
		assertThat(seed.raisedEvents()).singleElement()
			.isInstanceOfSatisfying(TermsChanged.class,
					(event) -> assertThat(event.changeSummary()).startsWith(TermsVersion.INITIAL_MARK));
	}

	private static TermsDraft draft(String version, Instant effectiveFrom, String body) {
		return new TermsDraft(null, version, effectiveFrom, "NOP CX ポータル利用規約", body, "第16条を明確化", "ja");
	}
}
