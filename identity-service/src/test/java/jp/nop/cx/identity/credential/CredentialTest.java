package jp.nop.cx.identity.credential;

import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.events.CredentialDeleted;
import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.CredentialRevoked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialTest {

	private static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");

	private static final Duration TTL = Duration.ofHours(72);

	@Test
	void issuedAdministratorWaitsForActivationAndAnnouncesTheLink() {
		ActivationToken token = ActivationToken.generate();
		Credential admin = issue(token);

		assertThat(admin.status()).isEqualTo(CredentialStatus.PENDING_ACTIVATION);
		assertThat(admin.canSignIn()).isFalse();
		assertThat(admin.activation().tokenHash()).isEqualTo(token.hash());
		assertThat(admin.raisedEvents()).singleElement().isInstanceOfSatisfying(CredentialIssued.class, (e) -> {
			assertThat(e.activationUrl()).isEqualTo("https://portal/activate");
			assertThat(e.sealedActivationToken()).isEqualTo("v1.sealed");
			assertThat(e.purpose()).isEqualTo("PARTNER_APPROVED");
			assertThat(e.activationExpiresAt()).isEqualTo(T0.plus(TTL));
		});
	}

	@Test
	void activationSpendsTheLinkAndEnablesSignIn() {
		Credential admin = issue(ActivationToken.generate());
		admin.activate("{bcrypt}hash", T0.plusSeconds(10));

		assertThat(admin.status()).isEqualTo(CredentialStatus.ACTIVE);
		assertThat(admin.canSignIn()).isTrue();
		assertThat(admin.activation()).isNull();
		assertThat(admin.activatedAt()).isEqualTo(T0.plusSeconds(10));
		assertThatIllegalStateException().isThrownBy(() -> admin.activate("{bcrypt}other", T0.plusSeconds(20)));
	}

	@Test
	void linkCannotActivateOnceExpired() {
		Credential admin = issue(ActivationToken.generate());
		assertThatIllegalStateException().isThrownBy(() -> admin.activate("{bcrypt}hash", T0.plus(TTL)));
	}

	@Test
	void compromisedIdBlocksAndRefusesTokensIssuedBeforeIt() {
		Credential admin = activeAdmin();
		Instant reported = T0.plus(Duration.ofMinutes(5));

		assertThat(admin.compromise(reported)).isTrue();

		assertThat(admin.status()).isEqualTo(CredentialStatus.COMPROMISED);
		assertThat(admin.canSignIn()).isFalse();
		assertThat(admin.passwordHash()).isNull();
		assertThat(admin.acceptsToken(0L, reported.minusSeconds(1))).isFalse();
		assertThat(admin.raisedEvents()).last().isInstanceOfSatisfying(CredentialRevoked.class, (e) -> {
			assertThat(e.reason()).isEqualTo("COMPROMISED");
			assertThat(e.notBefore()).isEqualTo(reported);
			assertThat(e.generation()).isEqualTo(1L);
		});
		assertThat(admin.compromise(reported.plusSeconds(1))).isFalse();
	}

	@Test
	void reissueRestoresACompromisedIdThroughActivation() {
		Credential admin = activeAdmin();
		admin.compromise(T0.plusSeconds(60));
		ActivationToken fresh = ActivationToken.generate();

		admin.reissue(fresh, new ActivationLink("https://portal/activate", "v1.sealed"), TTL, T0.plusSeconds(120));
		assertThat(admin.status()).isEqualTo(CredentialStatus.PENDING_ACTIVATION);
		assertThat(admin.raisedEvents()).last()
			.isInstanceOfSatisfying(CredentialIssued.class, (e) -> assertThat(e.purpose()).isEqualTo("REISSUE"));

		admin.activate("{bcrypt}new", T0.plusSeconds(180));
		assertThat(admin.status()).isEqualTo(CredentialStatus.ACTIVE);
		assertThat(admin.activatedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(admin.acceptsToken(admin.generation(), T0.plusSeconds(180))).isTrue();
		assertThat(admin.acceptsToken(0L, T0.plusSeconds(180))).isFalse();
	}

	@Test
	void aTokenOfTheGenerationBeforeARevocationIsRefusedWhateverItsTime() {
		Credential admin = activeAdmin();
		long before = admin.generation();
		Instant second = T0.plusSeconds(60);

		admin.compromise(second.plusMillis(400));
		ActivationToken fresh = ActivationToken.generate();
		admin.reissue(fresh, new ActivationLink("https://portal/activate", "v1.sealed"), TTL, second.plusMillis(500));
		admin.activate("{bcrypt}new", second.plusMillis(600));

		// Issued in the same second, even a moment after the report (a sign-in racing it): refused.
		assertThat(admin.acceptsToken(before, second.plusMillis(100))).isFalse();
		assertThat(admin.acceptsToken(before, second.plusMillis(900))).isFalse();
		assertThat(admin.acceptsToken(admin.generation(), second.plusMillis(700))).isTrue();
	}

	@Test
	void aTokenWithoutGenerationIsComparedByTimeAndItsRevocationsSecondCountsAsOlder() {
		Credential admin = activeAdmin();
		admin.compromise(T0.plusSeconds(60).plusMillis(400));
		ActivationToken fresh = ActivationToken.generate();
		admin.reissue(fresh, new ActivationLink("https://portal/activate", "v1.sealed"), TTL, T0.plusSeconds(120));
		admin.activate("{bcrypt}new", T0.plusSeconds(180));

		assertThat(admin.acceptsToken(null, T0.plusSeconds(120))).isFalse();
		assertThat(admin.acceptsToken(null, T0.plusSeconds(121))).isTrue();
	}

	@Test
	void deletionForgetsWhoHeldTheIdAndAnnouncesBothEvents() {
		Credential admin = activeAdmin();
		admin.delete(RevocationReason.DORMANT, T0.plus(Duration.ofDays(180)));

		assertThat(admin.isDeleted()).isTrue();
		assertThat(admin.email()).isNull();
		assertThat(admin.passwordHash()).isNull();
		assertThat(admin.isReissuable()).isFalse();
		assertThat(admin.raisedEvents()).hasAtLeastOneElementOfType(CredentialRevoked.class)
			.last()
			.isInstanceOfSatisfying(CredentialDeleted.class, (e) -> assertThat(e.reason()).isEqualTo("DORMANT"));
		assertThat(admin.delete(RevocationReason.DORMANT, T0.plus(Duration.ofDays(181)))).isFalse();
	}

	@Test
	void operatorIsNeverDeletedNorReissued() {
		Credential operator = Credential.operator("operator", "{bcrypt}x", T0);
		assertThat(operator.isReissuable()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> operator.delete(RevocationReason.DORMANT, T0));
		assertThat(operator.raisedEvents()).isEmpty();
	}

	@Test
	void transferredIdStopsForGood() {
		Credential admin = activeAdmin();
		assertThat(admin.revokeForTransfer(T0.plusSeconds(5))).isTrue();
		assertThat(admin.status()).isEqualTo(CredentialStatus.REVOKED);
		assertThat(admin.isReissuable()).isFalse();
		assertThat(admin.revokeForTransfer(T0.plusSeconds(6))).isFalse();
	}

	private static Credential issue(ActivationToken token) {
		return Credential.issue("cx-a1b2c3d4",
				NewCredential.administratorOnApproval("p-1", "hanako@example.co.jp", "山田 花子", "ja"), token,
				new ActivationLink("https://portal/activate", "v1.sealed"), TTL, T0);
	}

	private static Credential activeAdmin() {
		Credential admin = issue(ActivationToken.generate());
		admin.activate("{bcrypt}hash", T0.plusSeconds(1));
		return admin;
	}
}
