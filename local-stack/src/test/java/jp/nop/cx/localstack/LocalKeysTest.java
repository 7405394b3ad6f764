package jp.nop.cx.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKeysTest {

	@Test
	void aKeyIsGeneratedOnceKeptPrivateAndReused(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(".cx").resolve("event-secret-key");

		String first = LocalKeys.resolveOrGenerate(file, LocalKeys.EVENT_SECRET_KEY, Map.of());
		assertThat(Base64.getDecoder().decode(first)).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(LocalKeys.resolveOrGenerate(file, LocalKeys.EVENT_SECRET_KEY, Map.of())).isEqualTo(first);
	}

	@Test
	void theEnvironmentWins(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("key-encryption-key");
		assertThat(LocalKeys.resolveOrGenerate(file, LocalKeys.KEY_ENCRYPTION_KEY,
				Map.of(LocalKeys.KEY_ENCRYPTION_KEY, "ZnJvbS10aGUtZW52aXJvbm1lbnQ="))).isEqualTo("ZnJvbS10aGUtZW52aXJvbm1lbnQ=");
		assertThat(file).doesNotExist();
	}
}
