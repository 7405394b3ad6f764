package jp.nop.cx.platform.security;

import java.time.Instant;

import jp.nop.cx.events.CredentialRevoked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedCredentialsTest {

	/** A whole second, as JWT iat has it; the revocation falls 400 ms into it. */
	private static final Instant SECOND = Instant.parse("2026-04-01T09:00:00Z");

	private static final Instant REPORTED = SECOND.plusMillis(400);

	private final RevokedCredentials revoked = new RevokedCredentials();

	@Test
	void aTokenIssuedInTheSecondOfTheReportButBeforeItIsRefused() {
		this.revoked.apply(revoked("yamada", 1L, REPORTED));

		assertThat(this.revoked.isRevoked("yamada", 0L, SECOND)).isTrue();
	}

	@Test
	void aTokenIssuedAfterTheReissueInTheSameSecondIsAccepted() {
		this.revoked.apply(revoked("yamada", 1L, REPORTED));
		// The reissue (generation 2) needs no record of its own: a new generation is above the limit.
		assertThat(this.revoked.isRevoked("yamada", 2L, SECOND)).isFalse();
		assertThat(this.revoked.isRevoked("yamada", 1L, SECOND)).isFalse();
	}

	@Test
	void aTokenSignedAfterTheReportFromAReadBeforeItIsRefused() {
		// A sign-in that read the ID before the report commits and signs a moment after it.
		this.revoked.apply(revoked("yamada", 1L, REPORTED));

		assertThat(this.revoked.isRevoked("yamada", 0L, SECOND.plusSeconds(1))).isTrue();
	}

	@Test
	void aTokenWithoutGenerationIsOlderThanAnyRevocation() {
		this.revoked.apply(revoked("yamada", 1L, REPORTED));

		assertThat(this.revoked.isRevoked("yamada", null, SECOND.plusSeconds(5))).isTrue();
		assertThat(this.revoked.isRevoked("suzuki", null, SECOND)).isFalse();
	}

	@Test
	void aRecordWithoutGenerationRefusesItsOwnSecondAndEverythingBefore() {
		this.revoked.apply(revoked("yamada", null, REPORTED));

		assertThat(this.revoked.isRevoked("yamada", null, SECOND)).isTrue();
		assertThat(this.revoked.isRevoked("yamada", null, SECOND.minusSeconds(1))).isTrue();
		assertThat(this.revoked.isRevoked("yamada", null, null)).isTrue();
		assertThat(this.revoked.isRevoked("yamada", null, SECOND.plusSeconds(1))).isFalse();
	}

	@Test
	void aReplayedOlderRevocationDoesNotShortenANewerOne() {
		this.revoked.apply(revoked("yamada", 3L, REPORTED));
		this.revoked.apply(revoked("yamada", 1L, REPORTED.minusSeconds(3600)));

		assertThat(this.revoked.isRevoked("yamada", 2L, SECOND)).isTrue();
		assertThat(this.revoked.isRevoked("yamada", 3L, SECOND)).isFalse();
	}

	@Test
	void otherLoginIdsAreUntouched() {
		this.revoked.apply(revoked("yamada", 1L, REPORTED));

		assertThat(this.revoked.isRevoked("suzuki", 0L, SECOND)).isFalse();
		assertThat(this.revoked.isRevoked(null, 0L, SECOND)).isFalse();
	}

	private static CredentialRevoked revoked(String loginId, Long generation, Instant at) {
		return new CredentialRevoked("p-1", loginId, "STOLEN", at, at, generation);
	}
}
