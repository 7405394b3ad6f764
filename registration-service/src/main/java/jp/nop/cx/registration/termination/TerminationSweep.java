package jp.nop.cx.registration.termination;

import java.time.Clock;
import java.time.Instant;

import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.PartnerRepository;
import jp.nop.cx.registration.partner.PartnerStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Art. 12: puts terminations into effect when their day begins in Tokyo, emitting
 * {@code partner-terminated}. One instance at a time (job lock); and each termination is a
 * versioned save of a still-scheduled partner, so running it twice or on two instances ends a
 * partnership once.
 */
@Component
class TerminationSweep {

	private static final Logger log = LoggerFactory.getLogger(TerminationSweep.class);

	private final MongoTemplate mongo;

	private final PartnerRepository partners;

	private final TerminationProperties properties;

	private final Clock clock;

	TerminationSweep(MongoTemplate mongo, PartnerRepository partners, TerminationProperties properties,
			Clock clock) {
		this.mongo = mongo;
		this.partners = partners;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${cx.registration.termination.sweep-interval:1m}",
			initialDelayString = "${cx.registration.termination.sweep-interval:1m}")
	@SchedulerLock(name = "termination-sweep", lockAtMostFor = "${cx.registration.termination.sweep-lease:5m}")
	public void sweep() {
		terminateDue();
	}

	/** Ends every partnership whose effective day has begun; returns how many ended. */
	int terminateDue() {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("status")
			.is(PartnerStatus.TERMINATION_SCHEDULED)
			.and("termination.takesEffectAt")
			.lte(now));
		int ended = 0;
		for (Partner partner : this.mongo.find(due, Partner.class)) {
			try {
				if (partner.terminateIfDue(now)) {
					this.partners.save(partner);
					ended++;
					log.info("Partner {} terminated as of {} ({})", partner.partnerId(),
							partner.termination().effectiveOn(), partner.termination().initiatedBy());
				}
			}
			catch (OptimisticLockingFailureException ex) {
				// Withdrawn or changed meanwhile: the next pass sees the current state.
				log.info("Partner {} changed during the termination sweep; left for the next pass", partner.partnerId());
			}
		}
		return ended;
	}
}
