package jp.nop.cx.identity.credential;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensAndIdsTest {

	@Test
	void loginIdsAreReadableAndNotAnEmailAddress() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(LoginIds.next());
		}
		assertThat(ids).hasSize(1000).allMatch((id) -> id.matches("cx-[a-z0-9]{8}"));
	}

	@Test
	void activationTokenIs32RandomBytesAndOnlyItsHashIsKept() {
		ActivationToken token = ActivationToken.generate();
		assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
		assertThat(token.hash()).matches("[0-9a-f]{64}").isEqualTo(ActivationToken.hashOf(token.value()));
		assertThat(token.toString()).doesNotContain(token.value());
		assertThat(ActivationToken.generate().value()).isNotEqualTo(token.value());
	}
}
