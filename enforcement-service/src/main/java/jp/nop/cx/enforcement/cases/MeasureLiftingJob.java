package jp.nop.cx.enforcement.cases;

import jp.nop.cx.platform.scheduling.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Art. 7.5: lifts measures at the resumption time agreed with the partner (or decided by NOP)
 * without anyone acting. One instance at a time holds the job; lifting is idempotent anyway, as
 * a lifted measure is not due again.
 */
@Component
class MeasureLiftingJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(MeasureLiftingJob.class);

	private final CaseService cases;

	private final JobLock lock;

	private final CaseProperties properties;

	MeasureLiftingJob(CaseService cases, JobLock lock, CaseProperties properties) {
		this.cases = cases;
		this.lock = lock;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.properties.liftInterval());
	}

	void run() {
		try {
			this.lock.runExclusively("enforcement.lift-measures", this.properties.liftLease(),
					this.cases::liftDueMeasures);
		}
		catch (RuntimeException ex) {
			log.warn("Lifting due measures failed (will retry): {}", ex.toString());
		}
	}
}
