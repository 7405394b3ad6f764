package jp.nop.cx.platform.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTest {

	private final ClientAddressResolver loopbackTrusted = new ClientAddressResolver(
			"127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");

	@Test
	void aCallerThatIsNoTrustedProxyIsItsOwnPeerWhateverItWrites() {
		assertThat(this.loopbackTrusted.clientAddress("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
	}

	@Test
	void aTrustedProxyIsBelievedAboutItsLeftNeighbour() {
		assertThat(this.loopbackTrusted.clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
	}

	@Test
	void whatTheClientWroteLeftOfItselfIsDropped() {
		// The client sent "X-Forwarded-For: 1.2.3.4"; the gateway appended the client's address.
		assertThat(this.loopbackTrusted.chain("127.0.0.1", List.of("1.2.3.4, 203.0.113.9")))
			.containsExactly("203.0.113.9", "127.0.0.1");
	}

	@Test
	void trustedHopsAreWalkedBackToTheFirstUntrustedOne() {
		ClientAddressResolver behindBalancer = new ClientAddressResolver("127\\.0\\.0\\.1|10\\.0\\.0\\.\\d+");

		assertThat(behindBalancer.chain("127.0.0.1", List.of("1.2.3.4, 203.0.113.9", "10.0.0.2")))
			.containsExactly("203.0.113.9", "10.0.0.2", "127.0.0.1");
	}

	@Test
	void withoutHeaderOrTrustThePeerIsTheClient() {
		assertThat(this.loopbackTrusted.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
		assertThat(this.loopbackTrusted.clientAddress("127.0.0.1", List.of("  "))).isEqualTo("127.0.0.1");
		assertThat(new ClientAddressResolver("").clientAddress("127.0.0.1", List.of("203.0.113.9")))
			.isEqualTo("127.0.0.1");
	}

	@Test
	void overlongAddressesAndUserAgentsAreCut() {
		assertThat(this.loopbackTrusted.clientAddress("127.0.0.1", List.of("x".repeat(500)))).hasSize(64);
		assertThat(ClientAddressResolver.userAgent("Mozilla/5.0 " + "x".repeat(1000))).hasSize(512);
		assertThat(ClientAddressResolver.userAgent("evil\r\nX-Injected: 1")).isEqualTo("evilX-Injected: 1");
		assertThat(ClientAddressResolver.userAgent("  ")).isNull();
		assertThat(ClientAddressResolver.userAgent(null)).isNull();
	}
}
