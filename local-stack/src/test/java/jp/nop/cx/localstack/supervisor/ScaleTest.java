package jp.nop.cx.localstack.supervisor;

import java.util.List;

import jp.nop.cx.localstack.Layout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class ScaleTest {

	@Test
	void everyInstanceGetsItsOwnPortAndName() {
		Scale scale = Scale.parse("notification-service=2,gateway=2");

		List<Layout.ServiceSpec> specs = scale.specs();
		assertThat(specs).extracting(Layout.ServiceSpec::instanceName)
			.contains("notification-service", "notification-service-2", "gateway", "gateway-2", "registration-service")
			.doesNotContain("registration-service-2");
		assertThat(specs).filteredOn((s) -> s.instanceName().equals("notification-service-2"))
			.extracting(Layout.ServiceSpec::port)
			.containsExactly(8185);
		assertThat(specs).filteredOn((s) -> s.instanceName().equals("gateway-2"))
			.extracting(Layout.ServiceSpec::port)
			.containsExactly(8180);
		assertThat(specs.get(specs.size() - 1).gateway()).as("gateways start last").isTrue();
	}

	@Test
	void theGatewaySpreadsAScaledServiceOverItsInstances() {
		Scale.GatewayWiring wiring = Scale.parse("notification-service=2").gatewayWiring();

		assertThat(wiring.env()).containsEntry("CX_NOTIFICATION_ROUTE_URI", "lb://notification-service").hasSize(1);
		assertThat(wiring.jvmOptions()).containsExactly(
				"-Dspring.cloud.discovery.client.simple.instances.notification-service[0].uri=http://127.0.0.1:8085",
				"-Dspring.cloud.discovery.client.simple.instances.notification-service[1].uri=http://127.0.0.1:8185");
		assertThat(Scale.NONE.gatewayWiring().env()).isEmpty();
	}

	@Test
	void aWrongNameOrCountIsRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Scale.parse("mailer=2")).withMessageContaining("mailer");
		assertThatIllegalArgumentException().isThrownBy(() -> Scale.parse("gateway=0")).withMessageContaining("between 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Scale.parse("gateway")).withMessageContaining("<service>=N");
	}

	@Test
	void severalConsolesRunOnTheirOwnPortsBehindTheGatewayAndShareSessionsInRedis() {
		Scale scale = Scale.parse("console=2");

		assertThat(scale.specs()).filteredOn((s) -> s.name().equals("console"))
			.extracting(Layout.ServiceSpec::instanceName, Layout.ServiceSpec::port)
			.containsExactly(tuple("console", 8086), tuple("console-2", 8186));
		Scale.GatewayWiring wiring = scale.gatewayWiring();
		assertThat(wiring.env()).containsExactly(entry("CX_CONSOLE_URL", "lb://console"));
		assertThat(wiring.jvmOptions()).containsExactly(
				"-Dspring.cloud.discovery.client.simple.instances.console[0].uri=http://127.0.0.1:8086",
				"-Dspring.cloud.discovery.client.simple.instances.console[1].uri=http://127.0.0.1:8186");
		assertThat(scale.needsRedis()).isTrue();
		assertThat(scale.consolesShareSessions()).isTrue();
	}

	@Test
	void redisIsNeededForSeveralGatewaysOrConsolesOnly() {
		assertThat(Scale.parse("gateway=2").needsRedis()).isTrue();
		assertThat(Scale.parse("gateway=2").consolesShareSessions()).isFalse();
		assertThat(Scale.parse("notification-service=3,console=1").needsRedis()).isFalse();
		assertThat(Scale.NONE.needsRedis()).isFalse();
	}

}
