package jp.nop.cx.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The keys the services seal secrets with (32 random bytes, base64): {@code CX_EVENT_SECRET_KEY}
 * (identity and notification: activation and unlock tokens in events) and
 * {@code CX_KEY_ENCRYPTION_KEY} (identity: signing keys and TOTP secrets at rest) and
 * {@code CX_CONSOLE_SESSION_KEY} (console: its sessions in Redis, when several run). Taken from the
 * environment, else generated on the first {@code ./cx up} and kept under {@code .cx/} (mode
 * 600), so the persisted store and topics stay readable across restarts.
 */
public final class LocalKeys {

	public static final String EVENT_SECRET_KEY = "CX_EVENT_SECRET_KEY";

	public static final String KEY_ENCRYPTION_KEY = "CX_KEY_ENCRYPTION_KEY";

	public static final String CONSOLE_SESSION_KEY = "CX_CONSOLE_SESSION_KEY";

	private LocalKeys() {
	}

	/** The environment's key, else the kept one, else a new kept one. */
	public static String resolveOrGenerate(Path file, String variable, Map<String, String> env) throws IOException {
		String fromEnv = env.get(variable);
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv.strip();
		}
		if (Files.isRegularFile(file)) {
			String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (!kept.isEmpty()) {
				return kept;
			}
		}
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		String key = Base64.getEncoder().encodeToString(bytes);
		if (!OwnerOnlyFile.create(file, key)) {
			// Created since the check above (a second launcher): use that one.
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		return key;
	}
}
