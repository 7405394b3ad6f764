package jp.nop.cx.localstack;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

	@Test
	void reportsTheFirstBusyPortAndItsComponent() throws Exception {
		int free = TestPorts.free();
		try (ServerSocket occupied = new ServerSocket()) {
			occupied.bind(new InetSocketAddress("127.0.0.1", 0));
			int busy = occupied.getLocalPort();
			List<PortCheck.PortUse> uses = List.of(new PortCheck.PortUse(free, "mail web/API"),
					new PortCheck.PortUse(busy, "Kafka broker"));

			assertThat(PortCheck.firstBusy(uses)).contains(new PortCheck.PortUse(busy, "Kafka broker"));
			assertThat(PortCheck.message(PortCheck.firstBusy(uses).orElseThrow())).isEqualTo("cx: port " + busy
					+ " (Kafka broker) is already in use; stop whatever holds it and run ./cx up again");
		}
	}

	@Test
	void aBusyWildcardListenerIsSeenToo() throws Exception {
		try (ServerSocket occupied = new ServerSocket(0)) {
			assertThat(PortCheck.isFree(occupied.getLocalPort())).isFalse();
		}
	}

	@Test
	void freePortsPass() {
		assertThat(PortCheck.firstBusy(List.of(new PortCheck.PortUse(TestPorts.free(), "gateway")))).isEmpty();
	}

	@Test
	void everyStackPortIsNamedOnce() {
		List<PortCheck.PortUse> ports = PortCheck.stackPorts();
		assertThat(ports).extracting(PortCheck.PortUse::port)
			.containsExactlyInAnyOrder(9092, 9093, 27017, 1025, 8025, 8081, 8082, 8083, 8084, 8085, 8086, 8080, 9081,
					9082, 9083, 9084, 9085, 9086, 9080);
		assertThat(ports).extracting(PortCheck.PortUse::component)
			.contains("Kafka broker", "gateway", "gateway management");
	}

}
