package jp.nop.cx.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.notification.notice.NoticeEvent;
import jp.nop.cx.notification.notice.NoticeEvents;
import jp.nop.cx.notification.partner.PartnerDirectory;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.system.NotificationProperties;
import jp.nop.cx.notification.template.Addressee;
import jp.nop.cx.notification.template.NoticeRenderer;
import jp.nop.cx.notification.template.RenderedNotice;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the consumers recorded, apart from consumption: one lane per channel, each run by
 * one instance at a time (job lock), each taking the due PENDING deliveries round by round,
 * writing the notice out, handing it to the channel and recording the outcome. A dead SMTP
 * server slows only the mail lane, never the inbox, the webhooks or the Kafka consumers; a
 * restart loses nothing, because every state is in the delivery record.
 */
@Component
public class DeliveryLanes {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLanes.class);

	private final Deliveries deliveries;

	private final NoticeEvents events;

	private final PartnerDirectory partners;

	private final NoticeRenderer renderer;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final NotificationProperties.Dispatch settings;

	private final RetrySchedule schedule;

	private final MeterRegistry meters;

	private final Map<Channel, Rest> rests = new EnumMap<>(Channel.class);

	public DeliveryLanes(Deliveries deliveries, NoticeEvents events, PartnerDirectory partners, NoticeRenderer renderer,
			List<ChannelSender> senders, LockingTaskExecutor locks, Clock clock, NotificationProperties properties,
			RetrySchedule schedule, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.events = events;
		this.partners = partners;
		this.renderer = renderer;
		senders.forEach((s) -> this.senders.put(s.channel(), s));
		this.locks = locks;
		this.clock = clock;
		this.settings = properties.delivery();
		this.schedule = schedule;
		this.meters = meters;
		for (Channel channel : Channel.values()) {
			this.rests.put(channel, new Rest());
		}
	}

	@Scheduled(fixedDelayString = "${cx.notification.delivery.poll-interval:1s}")
	void inboxLane() {
		runUnlessResting(Channel.INBOX);
	}

	@Scheduled(fixedDelayString = "${cx.notification.delivery.poll-interval:1s}")
	void mailLane() {
		runUnlessResting(Channel.EMAIL);
	}

	@Scheduled(fixedDelayString = "${cx.notification.delivery.poll-interval:1s}")
	void webhookLane() {
		runUnlessResting(Channel.WEBHOOK);
	}

	/**
	 * A lane that found nothing due rests, twice as long each time up to {@code idle-poll-max}: on
	 * the local store each look is a scan of every delivery, and idle lanes scanning every second
	 * slowed the one that had work. New deliveries recorded by this instance end the rest at once;
	 * those of another instance and retries falling due wait at most {@code idle-poll-max}.
	 */
	private void runUnlessResting(Channel channel) {
		Rest rest = this.rests.get(channel);
		long now = System.nanoTime();
		if (now - rest.until < 0 && this.deliveries.lastRecorded() - rest.lookedAt < 0) {
			return;
		}
		rest.lookedAt = now;
		int handled = run(channel);
		if (handled == 0) {
			rest.pause = Math.min(Math.max(rest.pause * 2, this.settings.pollInterval().toNanos()),
					this.settings.idlePollMax().toNanos());
			rest.until = System.nanoTime() + rest.pause;
		}
		else {
			rest.pause = 0;
			rest.until = now;
		}
	}

	/** One run of a lane, if this instance gets its lock (another may hold it); answers whether it ran. */
	public boolean runNow(Channel channel) {
		return run(channel) >= 0;
	}

	/** One run of a lane: how many deliveries it handled, or -1 if another instance holds its lock. */
	private int run(Channel channel) {
		ChannelSender sender = this.senders.get(channel);
		if (sender == null) {
			return -1;
		}
		// The lock's name depends on the lane, so the lanes use ShedLock's executor, not @SchedulerLock.
		// Leases run on ShedLock's clock (real time), never on the service's (tests move that one).
		LockConfiguration lock = new LockConfiguration(ClockProvider.now(),
				"notification-lane-" + channel.name().toLowerCase(Locale.ROOT), this.settings.lockLease(), Duration.ZERO);
		try {
			LockingTaskExecutor.TaskResult<Integer> result = this.locks.executeWithLock(() -> drain(sender), lock);
			return result.wasExecuted() ? result.getResult() : -1;
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int drain(ChannelSender sender) {
		long deadline = System.nanoTime() + this.settings.timeBudget().toNanos();
		int handled = 0;
		while (true) {
			List<Delivery> due = this.deliveries.due(sender.channel(), this.clock.instant(), this.settings.batchSize());
			if (due.isEmpty()) {
				return handled;
			}
			round(sender, due);
			handled += due.size();
			if (due.size() < this.settings.batchSize() || System.nanoTime() > deadline) {
				return handled;
			}
		}
	}

	private void round(ChannelSender sender, List<Delivery> due) {
		Instant now = this.clock.instant();
		Map<String, NoticeEvent> kept = this.events.findAll(due.stream().map(Delivery::eventId).distinct().toList());
		Map<String, CxEvent> payloads = new HashMap<>();
		Map<String, PartnerProjection> known = partnersToLookUp(due);
		List<PreparedDelivery> prepared = new ArrayList<>();
		for (Delivery delivery : due) {
			NoticeEvent event = kept.get(delivery.eventId());
			if (event == null) {
				delivery.fail(now, "the event of this notice is not on record");
				continue;
			}
			if (needsPartner(delivery)) {
				PartnerProjection partner = known.get(delivery.partnerId());
				if (partner == null) {
					// Recorded before the partner's approval reached the projection: wait for it.
					delivery.recordFailure(now, "recipient not known yet", null, this.schedule);
					continue;
				}
				delivery.completeRecipient(partner.contactEmail(), partner.preferredLanguage(), partner.contactName(),
						partner.companyName());
			}
			if (delivery.channel() == Channel.EMAIL && (delivery.address() == null || delivery.address().isBlank())) {
				delivery.fail(now, "no e-mail address for this recipient");
				continue;
			}
			try {
				CxEvent payload = payloads.computeIfAbsent(event.eventId(), (id) -> this.events.payload(event));
				RenderedNotice notice = this.renderer.render(delivery.template(), delivery.language(), payload,
						new Addressee(delivery.companyName(), delivery.contactName()));
				prepared.add(new PreparedDelivery(delivery, notice, event));
			}
			catch (RuntimeException ex) {
				log.error("Notice {} of event {} cannot be written (template {})", delivery.id(),
						delivery.eventId(), delivery.template(), ex);
				delivery.fail(now, "the notice cannot be written: " + ex.getClass().getSimpleName());
			}
		}
		Map<String, SendOutcome> outcomes = send(sender, prepared);
		Instant after = this.clock.instant();
		for (PreparedDelivery p : prepared) {
			apply(p, outcomes.getOrDefault(p.id(), SendOutcome.retry("no outcome from the channel", null)), after);
		}
		this.deliveries.saveAll(due);
		due.stream()
			.filter((d) -> d.status() != DeliveryStatus.PENDING)
			.forEach((d) -> this.events.forgetSecrets(d.eventId(), d.eventType()));
	}

	private Map<String, SendOutcome> send(ChannelSender sender, List<PreparedDelivery> prepared) {
		if (prepared.isEmpty()) {
			return Map.of();
		}
		try {
			return sender.send(prepared);
		}
		catch (RuntimeException ex) {
			// A channel must answer per delivery; should it fail as a whole, every delivery retries.
			log.warn("{} lane failed a round of {}: {}", sender.channel(), prepared.size(), ex.toString());
			return Map.of();
		}
	}

	private void apply(PreparedDelivery prepared, SendOutcome outcome, Instant now) {
		Delivery delivery = prepared.delivery();
		switch (outcome.kind()) {
			case SENT -> delivery.recordSent(now, outcome.address(), prepared.notice().subject());
			case RETRY -> delivery.recordFailure(now, outcome.detail(), capped(outcome), this.schedule);
			case FAILED -> delivery.fail(now, outcome.detail());
			case DISABLED -> delivery.disable(now, outcome.detail());
			case GONE -> delivery.recordGone(now, outcome.address(), outcome.detail());
			case POSTPONED -> delivery.postpone(now, now.plus(outcome.delay()), outcome.detail());
		}
		if (delivery.status() == DeliveryStatus.FAILED || delivery.status() == DeliveryStatus.DISABLED) {
			log.warn("Notice {} ({} via {}) of event {} for partner {} is {}: {}", delivery.id(),
					delivery.eventType(), delivery.channel(), delivery.eventId(), delivery.partnerId(),
					delivery.status(), delivery.lastError());
		}
		this.meters.counter("cx.notification.deliveries", "channel", delivery.channel().name(), "outcome",
				outcome.kind().name()).increment();
	}

	private Duration capped(SendOutcome outcome) {
		if (outcome.delay() == null) {
			return null;
		}
		return (outcome.delay().compareTo(this.settings.maxRetryAfter()) > 0) ? this.settings.maxRetryAfter()
				: outcome.delay();
	}

	private Map<String, PartnerProjection> partnersToLookUp(List<Delivery> due) {
		List<String> ids = due.stream().filter(DeliveryLanes::needsPartner).map(Delivery::partnerId).distinct().toList();
		Map<String, PartnerProjection> known = new HashMap<>();
		if (!ids.isEmpty()) {
			this.partners.findAll(ids).forEach((p) -> known.put(p.partnerId(), p));
		}
		return known;
	}

	/** Whether the record lacks what only the projection can tell (the partner was not projected yet). */
	private static boolean needsPartner(Delivery delivery) {
		return delivery.audience().isPartner() && delivery.partnerId() != null
				&& (delivery.language() == null || (delivery.channel() == Channel.EMAIL && delivery.address() == null));
	}

	/** A lane's rest while nothing is due; touched only by that lane's scheduled thread. */
	private static final class Rest {

		private long pause;

		private long until = System.nanoTime();

		private long lookedAt = System.nanoTime();
	}
}
