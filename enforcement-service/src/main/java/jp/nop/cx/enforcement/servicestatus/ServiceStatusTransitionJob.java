package jp.nop.cx.enforcement.servicestatus;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled events take effect at {@code startsAt} and end at {@code endsAt} without anyone
 * acting; this job publishes those state changes. One instance at a time holds it, and an event
 * already announced in its current state is not announced again.
 */
@Component
class ServiceStatusTransitionJob {

	private static final Logger log = LoggerFactory.getLogger(ServiceStatusTransitionJob.class);

	private final ServiceStatusService service;

	ServiceStatusTransitionJob(ServiceStatusService service) {
		this.service = service;
	}

	// The interval and the lease are ServiceStatusProperties's; the annotations read the same keys.
	@Scheduled(fixedDelayString = "${cx.enforcement.service-status.transition-interval:5s}")
	@SchedulerLock(name = "enforcement.service-status-transitions",
			lockAtMostFor = "${cx.enforcement.service-status.transition-lease:1m}")
	public void run() {
		try {
			this.service.announceTransitions();
		}
		catch (RuntimeException ex) {
			log.warn("Announcing service-status transitions failed (will retry): {}", ex.toString());
		}
	}
}
