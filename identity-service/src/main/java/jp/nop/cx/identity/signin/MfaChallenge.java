package jp.nop.cx.identity.signin;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The password step of a sign-in of an ID with a second factor, waiting for the code. The
 * challenge handed to the client is a random secret; only its SHA-256 is the key here.
 *
 * @param hash SHA-256 (hex) of the challenge
 * @param loginId whose password was right
 * @param generation the credential generation read at the password step: a revocation in between ends it
 * @param expiresAt no code is taken after this; the store drops it then (TTL index)
 * @param failures wrong codes so far
 */
@Document("mfa_challenges")
record MfaChallenge(@Id String hash, String loginId, long generation, @Indexed(expireAfter = "0s") Instant expiresAt,
		int failures) {

	@Override
	public String toString() {
		return "MfaChallenge[" + this.loginId + ", expires " + this.expiresAt + "]";
	}
}
