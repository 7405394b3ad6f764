package jp.nop.cx.enforcement.cases;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Art. 7.5: lifts measures at the resumption time agreed with the partner (or decided by NOP)
 * without anyone acting. One instance at a time holds the job; lifting is idempotent anyway, as
 * a lifted measure is not due again.
 */
@Component
class MeasureLiftingJob {

	private static final Logger log = LoggerFactory.getLogger(MeasureLiftingJob.class);

	private final CaseService cases;

	MeasureLiftingJob(CaseService cases) {
		this.cases = cases;
	}

	// The interval and the lease are CaseProperties's; the annotations read the same keys.
	@Scheduled(fixedDelayString = "${cx.enforcement.cases.lift-interval:5s}")
	@SchedulerLock(name = "enforcement.lift-measures", lockAtMostFor = "${cx.enforcement.cases.lift-lease:1m}")
	public void run() {
		try {
			this.cases.liftDueMeasures();
		}
		catch (RuntimeException ex) {
			log.warn("Lifting due measures failed (will retry): {}", ex.toString());
		}
	}
}
