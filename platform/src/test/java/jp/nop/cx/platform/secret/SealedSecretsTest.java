package jp.nop.cx.platform.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedSecretsTest {

	private final SealedSecrets secrets = SealedSecrets.withKey(SealedSecrets.newKey(), "TEST_KEY");

	@Test
	void whatIsSealedOpensWithTheSameKeyAndBindingOnly() {
		String sealed = this.secrets.seal("raw-activation-token", "cx-abc123");

		assertThat(sealed).startsWith("v1.").doesNotContain("raw-activation-token");
		assertThat(this.secrets.open(sealed, "cx-abc123")).isEqualTo("raw-activation-token");
		assertThatThrownBy(() -> this.secrets.open(sealed, "cx-other")).isInstanceOf(SealedSecrets.SecretNotOpened.class);
		assertThatThrownBy(() -> SealedSecrets.withKey(SealedSecrets.newKey(), "K").open(sealed, "cx-abc123"))
			.isInstanceOf(SealedSecrets.SecretNotOpened.class)
			.hasMessageContaining("wrong key");
	}

	@Test
	void sealingTwiceGivesDifferentValues() {
		assertThat(this.secrets.seal("x", "a")).isNotEqualTo(this.secrets.seal("x", "a"));
	}

	@Test
	void aMissingOrShortKeyIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> SealedSecrets.withKey("", "CX_EVENT_SECRET_KEY"))
			.hasMessageContaining("CX_EVENT_SECRET_KEY is not set");
		assertThatThrownBy(() -> SealedSecrets.withKey("c2hvcnQ=", "CX_EVENT_SECRET_KEY"))
			.hasMessageContaining("32 bytes");
	}
}
