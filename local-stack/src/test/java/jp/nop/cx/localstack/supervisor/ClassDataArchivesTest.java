package jp.nop.cx.localstack.supervisor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.localstack.Layout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Real extractions and trainings of a tiny jar (a JVM start or two each), no Spring. */
class ClassDataArchivesTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Layout.ServiceSpec SERVICE = new Layout.ServiceSpec("terms-service", 8083, false);

	@TempDir
	Path dir;

	private Path bootJar;

	private final ClassDataArchives.Jdk jdk = ClassDataArchives.Jdk.current();

	@BeforeEach
	void tinyJar() throws Exception {
		this.bootJar = TinyBootJar.write(this.dir.resolve("terms-service").resolve("target").resolve("terms-service.jar"));
	}

	private ClassDataArchives archives(ClassDataArchives.Jdk jdk, Duration timeout) {
		return new ClassDataArchives(this.dir.resolve(".cx").resolve("cds"), jdk, timeout);
	}

	private ClassDataArchives.Training training(Map<String, String> env) {
		return new ClassDataArchives.Training(SERVICE.name(), this.bootJar, ServiceProcess.jvmOptions(SERVICE, Map.of()), env,
				this.dir);
	}

	@Test
	void aTrainedArchiveIsCurrentAndTheServiceStartsFromTheExtractedJarWithIt() throws Exception {
		ClassDataArchives archives = archives(this.jdk, TIMEOUT);

		ClassDataArchives.Outcome outcome = archives.train(training(Map.of()));

		assertThat(outcome.failure()).isNull();
		assertThat(outcome.launch().shared()).isTrue();
		assertThat(outcome.launch().jar()).isEqualTo(archives.home("terms-service").resolve("extracted").resolve("terms-service.jar"));
		assertThat(archives.current("terms-service", this.bootJar)).contains(outcome.launch());
		// The training ran with the service's options, on ports the system picks.
		assertThat(Files.readString(outcome.log(), StandardCharsets.UTF_8)).contains("server.port=0");

		List<String> command = ServiceProcess.command(this.jdk.executable(), SERVICE, Map.of(), List.of(), outcome.launch());
		Process run = new ProcessBuilder(withClassLoadLog(command)).redirectErrorStream(true).start();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains(TinyBootJar.class.getName() + " source: shared objects file (top)");
	}

	/** -Xlog after java: the JVM then says where each class came from (the archive's top layer or the jar). */
	private static List<String> withClassLoadLog(List<String> command) {
		List<String> logged = new java.util.ArrayList<>(command);
		logged.add(1, "-Xlog:class+load=info");
		return logged;
	}

	@Test
	void aChangedJarMakesTheArchiveStale() throws Exception {
		ClassDataArchives archives = archives(this.jdk, TIMEOUT);
		assertThat(archives.train(training(Map.of())).launch().shared()).isTrue();

		Files.setLastModifiedTime(this.bootJar, FileTime.fromMillis(Files.getLastModifiedTime(this.bootJar).toMillis() + 2000));

		assertThat(archives.current("terms-service", this.bootJar)).isEmpty();
	}

	@Test
	void anotherJdkVersionOrBuildMakesTheArchiveStale() throws Exception {
		assertThat(archives(this.jdk, TIMEOUT).train(training(Map.of())).launch().shared()).isTrue();

		ClassDataArchives.Jdk otherVersion = new ClassDataArchives.Jdk(this.jdk.executable(), this.jdk.version() + ".1",
				this.jdk.build());
		ClassDataArchives.Jdk otherBuild = new ClassDataArchives.Jdk(this.jdk.executable(), this.jdk.version(), "1 1");

		assertThat(archives(otherVersion, TIMEOUT).current("terms-service", this.bootJar)).isEmpty();
		assertThat(archives(otherBuild, TIMEOUT).current("terms-service", this.bootJar)).isEmpty();
		assertThat(archives(this.jdk, TIMEOUT).current("terms-service", this.bootJar)).isPresent();
	}

	@Test
	void nothingIsCurrentBeforeATraining() throws Exception {
		assertThat(archives(this.jdk, TIMEOUT).current("terms-service", this.bootJar)).isEmpty();
	}

	@Test
	void aFailedTrainingLeavesTheServiceOnItsBootJarAndNoArchive() throws Exception {
		ClassDataArchives archives = archives(this.jdk, TIMEOUT);

		ClassDataArchives.Outcome outcome = archives.train(training(Map.of("TINY_APP", "fail")));

		assertThat(outcome.launch()).isEqualTo(ClassDataArchives.Launch.plain(this.bootJar));
		assertThat(outcome.failure()).contains("exit code 3");
		assertThat(outcome.log()).isRegularFile();
		assertThat(archives.current("terms-service", this.bootJar)).isEmpty();
		assertThat(archives.home("terms-service").resolve("app.jsa")).doesNotExist();
	}

	@Test
	void aTrainingThatDoesNotEndIsStoppedAtTheTimeoutAndLeavesTheBootJar() throws Exception {
		ClassDataArchives archives = archives(this.jdk, Duration.ofSeconds(3));

		List<ClassDataArchives.Outcome> outcomes = archives.trainAll(List.of(training(Map.of("TINY_APP", "hang"))));

		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.launch()).isEqualTo(ClassDataArchives.Launch.plain(this.bootJar));
			assertThat(outcome.failure()).contains("did not end within 3 s");
		});
		assertThat(archives.current("terms-service", this.bootJar)).isEmpty();
	}

	@Test
	void cxCdsOffSwitchesItOff() {
		assertThat(ClassDataArchives.enabled(Map.of())).isTrue();
		assertThat(ClassDataArchives.enabled(Map.of("CX_CDS", "on"))).isTrue();
		assertThat(ClassDataArchives.enabled(Map.of("CX_CDS", "off"))).isFalse();
		assertThat(ClassDataArchives.enabled(Map.of("CX_CDS", "OFF "))).isFalse();
	}

	@Test
	void theTrainingRunsOnPortsTheSystemPicks() {
		assertThat(ClassDataArchives.trainingPorts(ServiceProcess.jvmOptions(SERVICE, Map.of())))
			.contains("-Dserver.port=0", "-Dmanagement.server.port=0")
			.noneMatch((option) -> option.equals("-Dserver.port=8083") || option.equals("-Dmanagement.server.port=9083"));
	}

}
