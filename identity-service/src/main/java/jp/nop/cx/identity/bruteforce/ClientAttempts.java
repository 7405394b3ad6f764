package jp.nop.cx.identity.bruteforce;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Failed sign-ins from one client address in one fixed window.
 *
 * @param key client address and window start
 * @param count failures so far
 * @param expiresAt the store drops the record after the window (TTL index)
 */
@Document("client_attempts")
record ClientAttempts(@Id String key, int count, @Indexed(expireAfter = "0s") Instant expiresAt) {
}
