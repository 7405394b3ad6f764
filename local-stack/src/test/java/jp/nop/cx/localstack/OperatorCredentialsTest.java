package jp.nop.cx.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorCredentialsTest {

	@Test
	void generatesOncePrivatelyAndReusesIt(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(".cx").resolve("operator-password");

		OperatorCredentials first = OperatorCredentials.resolveOrGenerate(file, Map.of());
		assertThat(first.login()).isEqualTo("operator");
		assertThat(first.password()).hasSize(20);
		assertThat(first.source()).isEqualTo(OperatorCredentials.Source.GENERATED);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		OperatorCredentials second = OperatorCredentials.resolveOrGenerate(file, Map.of("CX_OPERATOR_LOGIN", "ops"));
		assertThat(second.password()).isEqualTo(first.password());
		assertThat(second.login()).isEqualTo("ops");
		assertThat(second.source()).isEqualTo(OperatorCredentials.Source.FILE);
	}

	@Test
	void theEnvironmentWins(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("operator-password");
		OperatorCredentials fromEnv = OperatorCredentials.resolveOrGenerate(file,
				Map.of("CX_OPERATOR_PASSWORD", "correct-horse-battery"));
		assertThat(fromEnv.password()).isEqualTo("correct-horse-battery");
		assertThat(file).doesNotExist();
		assertThat(OperatorCredentials.resolve(file, Map.of())).isEmpty();
	}

	@Test
	void generatedPasswordsMixLettersAndDigits() {
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 200; i++) {
			assertThat(OperatorCredentials.generate(random)).hasSize(20)
				.matches(".*[A-Z].*")
				.matches(".*[a-z].*")
				.matches(".*[0-9].*");
		}
	}

}
