package jp.nop.cx.identity.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

	@Test
	void firstForwardedAddressIsTheClient() {
		assertThat(ClientAddress.of("203.0.113.9, 10.0.0.2", "10.0.0.3")).isEqualTo("203.0.113.9");
	}

	@Test
	void withoutForwardingThePeerIsTheClient() {
		assertThat(ClientAddress.of(null, "127.0.0.1")).isEqualTo("127.0.0.1");
		assertThat(ClientAddress.of("  ", "127.0.0.1")).isEqualTo("127.0.0.1");
	}

	@Test
	void overlongValuesAreCut() {
		assertThat(ClientAddress.of("x".repeat(500), "127.0.0.1")).hasSize(64);
	}
}
