package jp.nop.cx.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StartAloneTest {

	@TempDir
	Path dir;

	/** As ./cx up starts a service, seen in /proc/<pid>/cmdline. */
	private static final String CMDLINE = String.join("\0", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "-Xss512k",
			"-Dserver.port=8081", "-Dmanagement.server.port=9081", "-XX:TieredStopAtLevel=1", "-jar",
			"registration-service/target/registration-service.jar", "--spring.profiles.active=local") + "\0";

	private static final String ENVIRON = String.join("\0", "CX_MONGO_URI=mongodb://127.0.0.1:27017/registration",
			"PATH=/usr/bin:/bin", "JAVA_TOOL_OPTIONS=-Dfile.encoding=UTF-8") + "\0";

	private StartAlone.Template template() {
		return StartAlone.Template.of(4242, CMDLINE.getBytes(StandardCharsets.UTF_8),
				ENVIRON.getBytes(StandardCharsets.UTF_8), dir.toFile());
	}

	@Test
	void theTemplateIsTheRunningInstancesJavaOptionsJarAndEnvironment() {
		StartAlone.Template template = template();

		assertThat(template.java()).isEqualTo("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
		assertThat(template.options()).containsExactly("-Xss512k", "-Dserver.port=8081", "-Dmanagement.server.port=9081",
				"-XX:TieredStopAtLevel=1");
		assertThat(template.jar()).isEqualTo(dir.resolve("registration-service/target/registration-service.jar"));
		assertThat(template.environment()).containsEntry("CX_MONGO_URI", "mongodb://127.0.0.1:27017/registration")
			.containsEntry("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8")
			.hasSize(3);
		assertThat(template.directory()).isEqualTo(dir.toFile());
	}

	@Test
	void theStacksClassDataArchiveIsKeptApartFromTheOptionsAndTheBootJarFoundFromTheExtractedOne() {
		byte[] cmdline = String.join("\0", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "-Xss512k",
				"-XX:SharedArchiveFile=.cx/cds/registration-service/app.jsa", "-jar",
				".cx/cds/registration-service/extracted/registration-service.jar").getBytes(StandardCharsets.UTF_8);

		StartAlone.Template template = StartAlone.Template.of(4242, cmdline, new byte[0], dir.toFile());

		assertThat(template.options()).containsExactly("-Xss512k");
		assertThat(template.archive()).isEqualTo(dir.resolve(".cx/cds/registration-service/app.jsa"));
		assertThat(template.bootJar("registration-service"))
			.isEqualTo(dir.resolve("registration-service/target/registration-service.jar"));
	}

	@Test
	void aProcessNotStartedWithAJarIsRefused() {
		byte[] cmdline = String.join("\0", "java", "-cp", "classes", "jp.nop.cx.Main").getBytes(StandardCharsets.UTF_8);

		assertThatIllegalStateException()
			.isThrownBy(() -> StartAlone.Template.of(4242, cmdline, new byte[0], dir.toFile()))
			.withMessageContaining("4242");
	}

	@Test
	void theCommandRunsBesideTheStackOnItsOwnFreePortsWithTheExtraOptionsBeforeTheJar() throws Exception {
		Path extracted = dir.resolve("extracted/registration-service.jar");

		StartAlone.Launch launch = template().command("/opt/jdk-25/bin/java", List.of("-XX:AOTCache=app.aot"), extracted);

		List<String> command = launch.command();
		String port = value(command, "-Dserver.port=");
		String managementPort = value(command, "-Dmanagement.server.port=");
		assertThat(port).isNotEqualTo("8081").isNotEqualTo(managementPort);
		assertThat(managementPort).isNotEqualTo("9081").isEqualTo(Integer.toString(launch.managementPort()));
		assertThat(command).containsExactly("/opt/jdk-25/bin/java", "-Xss512k", "-Dserver.port=" + port,
				"-Dmanagement.server.port=" + managementPort, "-XX:TieredStopAtLevel=1", "-XX:AOTCache=app.aot", "-jar",
				extracted.toString());
		assertThat(launch.environment()).isEqualTo(template().environment());
		assertThat(launch.directory()).isEqualTo(dir.toFile());
	}

	@Test
	void aConfiguredJdk25Wins() throws Exception {
		jdk("java-25-openjdk-amd64", true);

		assertThat(StartAlone.jdk25("/opt/jdk-25.0.1", dir)).isEqualTo("/opt/jdk-25.0.1/bin/java");
	}

	@Test
	void otherwiseAJdk25OrLaterWithAJavaIsFoundAndOlderOnesAreNot() throws Exception {
		jdk("java-17-openjdk-amd64", true);
		jdk("java-21-openjdk-amd64", true);
		jdk("temurin-25-jdk-amd64", true);

		assertThat(StartAlone.jdk25(null, dir)).isEqualTo(dir.resolve("temurin-25-jdk-amd64/bin/java").toString());
		assertThat(StartAlone.jdk25(" ", dir)).isEqualTo(dir.resolve("temurin-25-jdk-amd64/bin/java").toString());
	}

	@Test
	void aJdk25DirectoryWithoutAnExecutableJavaDoesNotCount() throws Exception {
		jdk("java-17-openjdk-amd64", true);
		jdk("java-25-openjdk-amd64", false);
		Files.createDirectories(dir.resolve("openjdk-25"));

		assertThat(StartAlone.jdk25(null, dir)).isNull();
		assertThat(StartAlone.jdk25(null, dir.resolve("no-such-directory"))).isNull();
	}

	private void jdk(String name, boolean executable) throws Exception {
		Path java = Files.createDirectories(dir.resolve(name).resolve("bin")).resolve("java");
		Files.writeString(java, "#!/bin/sh\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
	}

	private static String value(List<String> command, String prefix) {
		return command.stream().filter((c) -> c.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
	}
}
