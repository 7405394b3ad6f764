package jp.nop.cx.localstack.supervisor;

import java.nio.file.Path;
import java.util.List;
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

	@Test
	void theGatewayAloneIsCompiledFullyTheServicesStartWithC1Only() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			if (service.gateway()) {
				assertThat(ServiceProcess.jvmOptions(service, Map.of())).as(service.name())
					.noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
			}
			else {
				assertThat(ServiceProcess.jvmOptions(service, Map.of())).as(service.name())
					.contains("-XX:TieredStopAtLevel=1");
			}
		}
	}

	@Test
	void theGatewayCollectsWithG1TheServicesWithSerial() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			List<String> options = ServiceProcess.jvmOptions(service, Map.of());
			if (service.gateway()) {
				assertThat(options).as(service.name()).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
			}
			else {
				assertThat(options).as(service.name()).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseG1GC");
			}
		}
	}

	@Test
	void theServicesServeWithAFewWorkersAndTheGatewayGivesItsHeapBackWhenIdle() {
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			List<String> options = ServiceProcess.jvmOptions(service, Map.of());
			if (service.gateway()) {
				assertThat(options).as(service.name())
					.contains("-XX:G1PeriodicGCInterval=15000", "-XX:MaxHeapFreeRatio=30")
					.noneMatch((option) -> option.startsWith("-Dserver.tomcat.threads.max="));
			}
			else {
				assertThat(options).as(service.name())
					.contains("-Dserver.tomcat.threads.max=32")
					.noneMatch((option) -> option.startsWith("-XX:G1PeriodicGCInterval"));
			}
		}
	}

	@Test
	void extraOptionsComeLastSoTheyWin() {
		Layout.ServiceSpec gateway = Layout.SERVICES.get(Layout.SERVICES.size() - 1);

		assertThat(ServiceProcess.jvmOptions(gateway, Map.of("CX_SERVICE_JAVA_OPTS", "-XX:TieredStopAtLevel=1")))
			.last().isEqualTo("-XX:TieredStopAtLevel=1");
	}

	@Test
	void withoutAnArchiveTheServiceStartsFromItsBootJar() {
		Layout.ServiceSpec terms = Layout.SERVICES.get(2);
		Path jar = Path.of("/repo/terms-service/target/terms-service.jar");

		List<String> command = ServiceProcess.command("java", terms, Map.of(), List.of(),
				ClassDataArchives.Launch.plain(jar));

		assertThat(command).endsWith("-jar", jar.toString()).noneMatch((arg) -> arg.startsWith("-XX:SharedArchiveFile"));
	}

	@Test
	void withAnArchiveTheServiceStartsFromTheExtractedJarAndMapsTheArchiveBeforeTheOptionsGivenByHand() {
		Layout.ServiceSpec terms = Layout.SERVICES.get(2);
		Path extracted = Path.of("/repo/.cx/cds/terms-service/extracted/terms-service.jar");
		Path archive = Path.of("/repo/.cx/cds/terms-service/app.jsa");

		List<String> command = ServiceProcess.command("java", terms, Map.of("CX_SERVICE_JAVA_OPTS", "-Xshare:off"),
				List.of(), new ClassDataArchives.Launch(extracted, archive));

		assertThat(command).startsWith("java", "-XX:SharedArchiveFile=" + archive)
			.endsWith("-Xshare:off", "-jar", extracted.toString())
			.contains("-Dserver.port=8083");
	}
}
