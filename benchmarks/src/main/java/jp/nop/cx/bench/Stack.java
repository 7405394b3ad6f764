package jp.nop.cx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The running stack the benchmarks measure: the ports of SPEC section 6 and README, and the
 * operator's sign-in from the environment or {@code .cx/operator-password}, as {@code ./cx up} keeps it.
 */
record Stack(Path root, String gateway, String registrationDirect, String mailApi, String kafka, String mongo,
		String operatorLogin, String operatorPassword) {

	static Stack fromEnvironment(Path root) throws IOException {
		String login = env("CX_OPERATOR_LOGIN", "operator");
		String password = System.getenv("CX_OPERATOR_PASSWORD");
		if (password == null || password.isBlank()) {
			Path file = root.resolve(".cx").resolve("operator-password");
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException("no CX_OPERATOR_PASSWORD and no " + file + ": is the stack running from "
						+ root + "?");
			}
			password = Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		return new Stack(root, env("CX_BENCH_GATEWAY", "http://localhost:8080"),
				env("CX_BENCH_REGISTRATION", "http://127.0.0.1:8081"), env("CX_BENCH_MAIL", "http://localhost:8025"),
				env("CX_BENCH_KAFKA", "localhost:9092"), env("CX_BENCH_MONGO", "mongodb://localhost:27017"), login,
				password);
	}

	Path benchDir() {
		return root.resolve(".cx").resolve("bench");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}
}
