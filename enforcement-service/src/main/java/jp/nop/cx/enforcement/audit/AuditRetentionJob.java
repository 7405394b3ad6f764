package jp.nop.cx.enforcement.audit;

import jp.nop.cx.platform.scheduling.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the trail to its retention period, from the start of the chain, one instance at a time.
 * Not a TTL index: that would remove entries in its own order, and a gap in the middle of the
 * chain could no longer be told from tampering (mongo-java-server ignores TTL anyway).
 */
@Component
class AuditRetentionJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);

	private final AuditTrail trail;

	private final JobLock lock;

	private final AuditProperties properties;

	AuditRetentionJob(AuditTrail trail, JobLock lock, AuditProperties properties) {
		this.trail = trail;
		this.lock = lock;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.properties.pruneInterval());
	}

	void run() {
		try {
			this.lock.runExclusively("enforcement.audit-retention", this.properties.pruneLease(),
					this.trail::pruneExpired);
		}
		catch (RuntimeException ex) {
			log.warn("Audit retention failed (will retry): {}", ex.toString());
		}
	}
}
