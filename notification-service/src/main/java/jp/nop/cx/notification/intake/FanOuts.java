package jp.nop.cx.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.nop.cx.notification.delivery.Deliveries;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.Recipient;
import jp.nop.cx.notification.delivery.RetrySchedule;
import jp.nop.cx.notification.partner.PartnerDirectory;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.policy.NoticeRule;
import jp.nop.cx.notification.system.NotificationProperties;
import jp.nop.cx.notification.webhook.WebhookEndpoints;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Notices to every active partner, written in pages of {@code cx.notification.fan-out.page-size}
 * by a scheduler that one instance runs at a time. A page written twice (a crash before the
 * cursor moved) creates nothing twice: the deliveries' unique index refuses the copies.
 */
@Component
public class FanOuts {

	private static final Logger log = LoggerFactory.getLogger(FanOuts.class);

	private final MongoTemplate mongo;

	private final PartnerDirectory partners;

	private final WebhookEndpoints webhooks;

	private final Deliveries deliveries;

	private final Clock clock;

	private final RetrySchedule schedule;

	private final NotificationProperties.FanOut settings;

	FanOuts(MongoTemplate mongo, PartnerDirectory partners, WebhookEndpoints webhooks, Deliveries deliveries,
			Clock clock, RetrySchedule schedule, NotificationProperties properties) {
		this.mongo = mongo;
		this.partners = partners;
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.clock = clock;
		this.schedule = schedule;
		this.settings = properties.fanOut();
	}

	/** Records the job (once per event and rule); the scheduler writes the deliveries. */
	void start(String eventId, NoticeRule rule) {
		try {
			this.mongo.insert(FanOut.start(eventId, rule, this.clock.instant()));
		}
		catch (DuplicateKeyException alreadyStarted) {
			// The same event again: its fan-out is under way or done.
		}
	}

	@Scheduled(fixedDelayString = "${cx.notification.fan-out.poll-interval:1s}")
	@SchedulerLock(name = "notification-fan-out", lockAtMostFor = "${cx.notification.fan-out.lock-lease:2m}")
	public void scheduled() {
		advance();
	}

	/** Writes pages of the open fan-outs until they are done or the time budget is spent. */
	void advance() {
		long deadline = System.nanoTime() + this.settings.timeBudget().toNanos();
		List<FanOut> open = this.mongo.find(query(where("done").is(false)).with(Sort.by("createdAt")), FanOut.class);
		for (FanOut fanOut : open) {
			while (!fanOut.done()) {
				if (System.nanoTime() > deadline) {
					return;
				}
				fanOut = writePage(fanOut);
			}
			log.info("Notice {} of event {} written for {} active partners in {} pages", fanOut.rule(),
					fanOut.eventId(), fanOut.recipients(), fanOut.pages());
		}
	}

	private FanOut writePage(FanOut fanOut) {
		NoticeRule rule = fanOut.rule();
		int pageSize = this.settings.pageSize();
		List<PartnerProjection> page = this.partners.activeAfter(fanOut.cursor(), pageSize);
		Set<String> withWebhook = (rule.channels().contains(Channel.WEBHOOK) && !page.isEmpty())
				? this.webhooks.activeAmong(page.stream().map(PartnerProjection::partnerId).toList()) : Set.of();
		Instant now = this.clock.instant();
		List<Delivery> notices = new ArrayList<>(page.size() * rule.channels().size());
		for (PartnerProjection partner : page) {
			Recipient recipient = Recipients.contact(partner, Audience.ALL_ACTIVE_PARTNERS);
			for (Channel channel : rule.channels()) {
				if (channel != Channel.WEBHOOK || withWebhook.contains(partner.partnerId())) {
					notices.add(Delivery.pending(fanOut.eventId(), rule, recipient, channel, now, this.schedule));
				}
			}
		}
		this.deliveries.insertNew(notices);
		String last = page.isEmpty() ? fanOut.cursor() : page.get(page.size() - 1).partnerId();
		fanOut.pageWritten(last, page.size(), pageSize, now);
		return this.mongo.save(fanOut);
	}
}
