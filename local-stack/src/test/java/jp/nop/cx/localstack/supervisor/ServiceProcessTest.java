package jp.nop.cx.localstack.supervisor;

import java.util.Map;

import jp.nop.cx.localstack.Layout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

	@Test
	void theServicesListenOnLoopbackOnlyAndTheGatewayWhereItAlwaysDid() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			if (service.gateway()) {
				assertThat(ServiceProcess.jvmOptions(service, Map.of())).as(service.name())
					.noneMatch((option) -> option.startsWith("-Dserver.address="));
			}
			else {
				assertThat(ServiceProcess.jvmOptions(service, Map.of())).as(service.name())
					.contains("-Dserver.address=127.0.0.1", "-Dserver.port=" + service.port());
			}
		}
	}
}
