package jp.nop.cx.identity.key;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

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

	private final KeyRing keys;

	KeyRotationScheduler(KeyRing keys) {
		this.keys = keys;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureKey() {
		this.keys.publishedKeys();
	}

	@Scheduled(fixedDelayString = "${cx.identity.keys.rotation-check-interval:1h}",
			initialDelayString = "${cx.identity.keys.rotation-check-interval:1h}")
	@SchedulerLock(name = "signing-key-rotation", lockAtMostFor = "5m")
	public void rotateWhenDue() {
		this.keys.rotateIfDue();
		this.keys.pruneRetired();
	}
}
