package jp.nop.cx.terms.version;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jp.nop.cx.platform.rules.RuleViolation;

/**
 * Limits of a publication that come from configuration.
 *
 * @param grace how far in the past a new version may still be dated (the time the request took)
 * @param maxBodyBytes the largest body, counted in UTF-8 bytes as stored and hashed
 */
public record PublicationPolicy(Duration grace, long maxBodyBytes) {

	void checkBodySize(String body) {
		long size = body.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.maxBodyBytes) {
			throw RuleViolation.tooLarge("body", "terms-body-too-large")
				.with("limit", this.maxBodyBytes)
				.with("size", size);
		}
	}
}
