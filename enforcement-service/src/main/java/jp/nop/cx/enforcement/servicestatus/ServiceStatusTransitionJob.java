package jp.nop.cx.enforcement.servicestatus;

import jp.nop.cx.platform.scheduling.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Scheduled events take effect at {@code startsAt} and end at {@code endsAt} without anyone
 * acting; this job publishes those state changes. One instance at a time holds it, and an event
 * already announced in its current state is not announced again.
 */
@Component
class ServiceStatusTransitionJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ServiceStatusTransitionJob.class);

	private final ServiceStatusService service;

	private final JobLock lock;

	private final ServiceStatusProperties properties;

	ServiceStatusTransitionJob(ServiceStatusService service, JobLock lock, ServiceStatusProperties properties) {
		this.service = service;
		this.lock = lock;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.properties.transitionInterval());
	}

	void run() {
		try {
			this.lock.runExclusively("enforcement.service-status-transitions", this.properties.transitionLease(),
					this.service::announceTransitions);
		}
		catch (RuntimeException ex) {
			log.warn("Announcing service-status transitions failed (will retry): {}", ex.toString());
		}
	}
}
