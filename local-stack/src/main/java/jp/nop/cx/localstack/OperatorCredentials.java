package jp.nop.cx.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The operator account seeded by identity-service: {@code CX_OPERATOR_LOGIN} (default
 * {@code operator}) and {@code CX_OPERATOR_PASSWORD}; without the latter a password is generated
 * once and kept in {@code .cx/operator-password} (mode 600), so the persisted store stays consistent.
 */
public record OperatorCredentials(String login, String password, Source source) {

	public static final String DEFAULT_LOGIN = "operator";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String ALL = UPPER + LOWER + DIGITS;

	private static final int LENGTH = 20;

	/** Where the password came from. */
	public enum Source {

		ENVIRONMENT, FILE, GENERATED

	}

	/** For {@code ./cx up}: the environment's password, else the kept one, else a new kept one. */
	public static OperatorCredentials resolveOrGenerate(Path file, Map<String, String> env) throws IOException {
		Optional<OperatorCredentials> known = resolve(file, env);
		if (known.isPresent()) {
			return known.get();
		}
		String password = generate(new SecureRandom());
		if (!OwnerOnlyFile.create(file, password)) {
			return resolve(file, env).orElseThrow(() -> new IOException(file + " exists but is empty"));
		}
		return new OperatorCredentials(login(env), password, Source.GENERATED);
	}

	/** For {@code ./cx demo}: the environment's password, else the kept one. */
	public static Optional<OperatorCredentials> resolve(Path file, Map<String, String> env) throws IOException {
		String fromEnv = env.get("CX_OPERATOR_PASSWORD");
		if (fromEnv != null && !fromEnv.isBlank()) {
			return Optional.of(new OperatorCredentials(login(env), fromEnv, Source.ENVIRONMENT));
		}
		if (Files.isRegularFile(file)) {
			String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
			if (!kept.isEmpty()) {
				return Optional.of(new OperatorCredentials(login(env), kept, Source.FILE));
			}
		}
		return Optional.empty();
	}

	static String login(Map<String, String> env) {
		String login = env.get("CX_OPERATOR_LOGIN");
		return (login == null || login.isBlank()) ? DEFAULT_LOGIN : login.trim();
	}

	/** 20 characters, at least one upper-case letter, one lower-case letter and one digit. */
	static String generate(SecureRandom random) {
		while (true) {
			StringBuilder password = new StringBuilder(LENGTH);
			for (int i = 0; i < LENGTH; i++) {
				password.append(ALL.charAt(random.nextInt(ALL.length())));
			}
			String candidate = password.toString();
			if (candidate.chars().anyMatch((c) -> UPPER.indexOf(c) >= 0)
					&& candidate.chars().anyMatch((c) -> LOWER.indexOf(c) >= 0)
					&& candidate.chars().anyMatch((c) -> DIGITS.indexOf(c) >= 0)) {
				return candidate;
			}
		}
	}

}
