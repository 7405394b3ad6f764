package jp.nop.cx.registration.termination;

import java.time.Clock;
import java.time.LocalDate;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.registration.partner.NoticePeriod;
import jp.nop.cx.registration.partner.Party;
import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.PartnerRepository;
import jp.nop.cx.registration.partner.PartnerView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** Ending the partnership (Art. 12): scheduling it with notice, and withdrawing it before it takes effect. */
@Service
public class TerminationService {

	private static final Logger log = LoggerFactory.getLogger(TerminationService.class);

	private final PartnerRepository partners;

	private final NoticePeriod notice;

	private final Clock clock;

	TerminationService(PartnerRepository partners, TerminationProperties properties, Clock clock) {
		this.partners = partners;
		this.notice = new NoticePeriod(properties.noticePeriodDays());
		this.clock = clock;
	}

	/** What a partner needs to know before giving notice: the period and the first day it allows now. */
	public TerminationNotice notice(String partnerId) {
		PartnerView partner = PartnerView.of(find(partnerId));
		return new TerminationNotice(this.notice.days(), this.notice.earliestEffectiveOn(this.clock.instant()),
				partner.termination());
	}

	public PartnerView schedule(String partnerId, Party by, LocalDate effectiveOn, String reason, String actor) {
		Partner partner = find(partnerId);
		partner.scheduleTermination(by, effectiveOn, reason, this.notice, actor, this.clock.instant());
		Partner saved = this.partners.save(partner);
		log.info("Termination of partner {} scheduled for {} by {} ({})", partnerId, effectiveOn, by, actor);
		return PartnerView.of(saved);
	}

	public PartnerView withdraw(String partnerId, Party by, String actor) {
		Partner partner = find(partnerId);
		partner.withdrawTermination(by, actor, this.clock.instant());
		Partner saved = this.partners.save(partner);
		log.info("Termination of partner {} withdrawn by {} ({})", partnerId, by, actor);
		return PartnerView.of(saved);
	}

	private Partner find(String partnerId) {
		return this.partners.findByPartnerId(partnerId).orElseThrow(() -> RuleViolation.notFound("partner"));
	}
}
