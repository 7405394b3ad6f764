package jp.nop.cx.enforcement.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the trail to its retention period, from the start of the chain, one instance at a time.
 * Not a TTL index: that would remove entries in its own order, and a gap in the middle of the
 * chain could no longer be told from tampering (mongo-java-server ignores TTL anyway).
 */
@Component
class AuditRetentionJob {

	private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);

	private final AuditTrail trail;

	AuditRetentionJob(AuditTrail trail) {
		this.trail = trail;
	}

	// The interval and the lease are AuditProperties's; the annotations read the same keys.
	@Scheduled(fixedDelayString = "${cx.enforcement.audit.prune-interval:1h}")
	@SchedulerLock(name = "enforcement.audit-retention", lockAtMostFor = "${cx.enforcement.audit.prune-lease:10m}")
	public void run() {
		try {
			this.trail.pruneExpired();
		}
		catch (RuntimeException ex) {
			log.warn("Audit retention failed (will retry): {}", ex.toString());
		}
	}
}
