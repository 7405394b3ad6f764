package jp.nop.cx.identity.key;

import java.time.Duration;

import jp.nop.cx.platform.scheduling.JobLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the first key when the service starts (so the JWKS answers at once), rotates keys
 * older than the rotation period and deletes retired ones. One instance at a time does it; the
 * unique generation makes a double run harmless anyway.
 */
@Component
class KeyRotationScheduler {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final KeyRing keys;

	private final JobLock lock;

	KeyRotationScheduler(KeyRing keys, JobLock lock) {
		this.keys = keys;
		this.lock = lock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureKey() {
		this.keys.publishedKeys();
	}

	@Scheduled(fixedDelayString = "${cx.identity.keys.rotation-check-interval:1h}",
			initialDelayString = "${cx.identity.keys.rotation-check-interval:1h}")
	void rotateWhenDue() {
		this.lock.runExclusively("signing-key-rotation", LEASE, () -> {
			this.keys.rotateIfDue();
			this.keys.pruneRetired();
		});
	}
}
