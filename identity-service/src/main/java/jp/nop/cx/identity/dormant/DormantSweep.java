package jp.nop.cx.identity.dormant;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.CredentialService;
import jp.nop.cx.identity.credential.CredentialStatus;
import jp.nop.cx.identity.credential.RevocationReason;
import jp.nop.cx.identity.credential.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Art. 4.5: the daily deletion of partner IDs not used for the configured period. One instance
 * runs it (@SchedulerLock); running it twice deletes nothing twice, and an ID used while the sweep
 * runs is kept (its use moves the version, so the deletion's save fails). The operator account
 * is never swept.
 */
@Component
public class DormantSweep {

	private static final Logger log = LoggerFactory.getLogger(DormantSweep.class);

	private final CredentialRepository credentials;

	private final CredentialService credentialService;

	private final Clock clock;

	private final DormancyRule rule;

	DormantSweep(CredentialRepository credentials, CredentialService credentialService, Clock clock,
			IdentityProperties properties) {
		this.credentials = credentials;
		this.credentialService = credentialService;
		this.clock = clock;
		this.rule = new DormancyRule(properties.dormant().periodDays(), properties.dormant().zone());
	}

	@Scheduled(cron = "${cx.identity.dormant.cron:0 0 3 * * *}", zone = "${cx.identity.dormant.zone:Asia/Tokyo}")
	@SchedulerLock(name = "dormant-sweep", lockAtMostFor = "30m")
	public void daily() {
		sweep();
	}

	/** Deletes what is dormant now; returns how many IDs it deleted. */
	public int sweep() {
		Instant now = this.clock.instant();
		Instant cutoff = this.rule.cutoff(now);
		int deleted = 0;
		for (Credential credential : this.credentials.findByRoleInAndStatusNotAndLastActivityAtBefore(
				EnumSet.of(Role.PARTNER_ADMIN, Role.PARTNER_MEMBER), CredentialStatus.DELETED, cutoff)) {
			try {
				if (this.credentialService.delete(credential, RevocationReason.DORMANT)) {
					deleted++;
				}
			}
			catch (OptimisticLockingFailureException ex) {
				// Used (or otherwise changed) a moment ago: not dormant after all, or the next sweep sees it.
				log.debug("{} changed during the dormant sweep; left for now", credential.loginId());
			}
		}
		if (deleted > 0) {
			log.info("Dormant sweep: {} IDs unused since before {} deleted", deleted, cutoff);
		}
		return deleted;
	}
}
