package jp.nop.cx.gateway.security;

import java.time.Instant;

import jp.nop.cx.events.CredentialRevoked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationsTest {

	private static final Instant REVOKED = Instant.parse("2026-04-01T09:00:00Z");

	private final Revocations revocations = new Revocations();

	@Test
	void tokensIssuedBeforeTheRevocationNoLongerCount() {
		this.revocations.apply(revoked("yamada", REVOKED));

		assertThat(this.revocations.isRevoked("yamada", REVOKED.minusSeconds(1))).isTrue();
		assertThat(this.revocations.isRevoked("yamada", REVOKED)).isFalse();
		assertThat(this.revocations.isRevoked("suzuki", REVOKED.minusSeconds(1))).isFalse();
	}

	@Test
	void aTokenIssuedInTheRevocationsOwnSecondCountsAsNewer() {
		// iat has whole seconds; identity revokes at a millisecond instant, e.g. at a reissue.
		this.revocations.apply(revoked("yamada", REVOKED.plusMillis(400)));

		assertThat(this.revocations.isRevoked("yamada", REVOKED)).isFalse();
		assertThat(this.revocations.isRevoked("yamada", REVOKED.minusSeconds(1))).isTrue();
	}

	@Test
	void aTokenWithoutIssueTimeCannotProveItIsNewer() {
		this.revocations.apply(revoked("yamada", REVOKED));

		assertThat(this.revocations.isRevoked("yamada", null)).isTrue();
	}

	@Test
	void aReplayedOlderRevocationDoesNotShortenANewerOne() {
		this.revocations.apply(revoked("yamada", REVOKED));
		this.revocations.apply(revoked("yamada", REVOKED.minusSeconds(3600)));

		assertThat(this.revocations.isRevoked("yamada", REVOKED.minusSeconds(1))).isTrue();
	}

	private static CredentialRevoked revoked(String loginId, Instant notBefore) {
		return new CredentialRevoked("p-1", loginId, "STOLEN", notBefore, notBefore);
	}
}
