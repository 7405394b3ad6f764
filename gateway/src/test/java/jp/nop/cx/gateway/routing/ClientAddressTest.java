package jp.nop.cx.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

	private final ClientAddress addresses = new ClientAddress("127\\.0\\.0\\.1|10\\.0\\.0\\.\\d+");

	@Test
	void anUntrustedPeerIsTheClientWhateverItClaims() {
		assertThat(this.addresses.chain("203.0.113.5", List.of("198.51.100.1"))).containsExactly("203.0.113.5");
	}

	@Test
	void behindTrustedProxiesTheClientIsTheFirstAddressNoProxyVouchesFor() {
		assertThat(this.addresses.chain("127.0.0.1", List.of("6.6.6.6, 203.0.113.5", "10.0.0.7")))
			.containsExactly("203.0.113.5", "10.0.0.7", "127.0.0.1");
	}

	@Test
	void aTrustedPeerWithoutForwardedForIsItselfTheClient() {
		assertThat(this.addresses.chain("127.0.0.1", null)).containsExactly("127.0.0.1");
	}

	@Test
	void nothingIsTrustedWithoutAPattern() {
		assertThat(new ClientAddress("").chain("127.0.0.1", List.of("203.0.113.5"))).containsExactly("127.0.0.1");
	}
}
