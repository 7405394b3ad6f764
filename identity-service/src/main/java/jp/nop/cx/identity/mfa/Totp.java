package jp.nop.cx.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;

/**
 * RFC 6238 as SPEC section 3 fixes it (HMAC-SHA-1, 6 digits, 30 s steps), with the codes, secrets
 * and recovery codes of {@code dev.samstevens.totp}. The library's own verifier only says yes or
 * no; this one says which time step matched, so a code is accepted once (RFC 6238 section 5.2).
 */
final class Totp {

	static final int DIGITS = 6;

	static final int PERIOD_SECONDS = 30;

	/** One step either side: the clock of a phone may be a little off (RFC 6238 section 6). */
	static final int ALLOWED_DRIFT_STEPS = 1;

	private static final CodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	/** 32 base32 characters: 160 bits, the HMAC-SHA-1 key length RFC 4226 recommends. */
	private static final SecretGenerator SECRETS = new DefaultSecretGenerator(32);

	private static final RecoveryCodeGenerator RECOVERY = new RecoveryCodeGenerator();

	private Totp() {
	}

	static String newSecret() {
		return SECRETS.generate();
	}

	static String[] newRecoveryCodes(int count) {
		return RECOVERY.generateCodes(count);
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
	}

	/** The {@code otpauth://totp/...} URI an authenticator app reads (as a QR code or typed in). */
	static String uri(String issuer, String loginId, String secret) {
		return new QrData.Builder().label(loginId)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build()
			.getUri();
	}

	/** The time step around {@code at} whose code {@code code} is, if any. */
	static OptionalLong matchingStep(String secret, String code, Instant at) {
		if (code == null || code.length() != DIGITS || !code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long now = step(at);
		OptionalLong match = OptionalLong.empty();
		// Every step is computed and compared in constant time, so timing tells nothing.
		for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
			if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	static String codeAt(String secret, long step) {
		try {
			return CODES.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("TOTP code not computed", ex);
		}
	}
}
