package jp.nop.cx.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bench's header says a service was started with. */
class StartAndSizeTest {

	@Test
	void theJvmOptionsAndTheWorkerCountButNotThePortsNorWhatFollowsTheJar() {
		String[] commandLine = { "/usr/lib/jvm/java-17/bin/java",
				"-XX:SharedArchiveFile=/work/main/.cx/cds/registration-service/app.jsa", "-XX:+UseSerialGC", "-Xmx320m",
				"-Dserver.port=8081", "-Dserver.address=127.0.0.1", "-Dserver.tomcat.threads.max=32", "-jar",
				"/work/main/.cx/cds/registration-service/extracted/registration-service.jar", "-Xignored" };

		assertThat(StartAndSize.jvmOptions(commandLine)).containsExactly(
				"-XX:SharedArchiveFile=.cx/cds/<service>/app.jsa", "-XX:+UseSerialGC", "-Xmx320m",
				"-Dserver.tomcat.threads.max=32");
	}
}
