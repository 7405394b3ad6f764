package jp.nop.cx.notification.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.notification.delivery.Deliveries;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.Recipient;
import jp.nop.cx.notification.delivery.RetrySchedule;
import jp.nop.cx.notification.notice.NoticeEvent;
import jp.nop.cx.notification.notice.NoticeEvents;
import jp.nop.cx.notification.partner.PartnerDirectory;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.policy.NoticeRule;
import jp.nop.cx.notification.webhook.WebhookEndpoints;
import jp.nop.cx.platform.messaging.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Turns a consumed event into PENDING deliveries, as the policy table says, and keeps the partner
 * projection current. Nothing is sent here: the channel lanes send, so a dead SMTP server or
 * webhook host never slows a consumer, and what the consumer acknowledged is on record.
 * Every write is idempotent by the event's ID, so a redelivery adds nothing.
 */
@Service
public class NoticeIntake {

	private static final Logger log = LoggerFactory.getLogger(NoticeIntake.class);

	private final PartnerDirectory partners;

	private final Recipients recipients;

	private final NoticeEvents events;

	private final Deliveries deliveries;

	private final FanOuts fanOuts;

	private final WebhookEndpoints webhooks;

	private final RetrySchedule schedule;

	private final Clock clock;

	NoticeIntake(PartnerDirectory partners, Recipients recipients, NoticeEvents events, Deliveries deliveries,
			FanOuts fanOuts, WebhookEndpoints webhooks, RetrySchedule schedule, Clock clock) {
		this.partners = partners;
		this.recipients = recipients;
		this.events = events;
		this.deliveries = deliveries;
		this.fanOuts = fanOuts;
		this.webhooks = webhooks;
		this.schedule = schedule;
		this.clock = clock;
	}

	public <T extends CxEvent> void accept(InboundEvent<T> inbound) {
		CxEvent payload = inbound.payload();
		EventType type = EventType.of(payload);
		String eventId = (inbound.id() != null) ? inbound.id() : contentId(type, payload);
		List<NoticeRule> notices = NoticeRule.noticesFor(type, payload);
		// Recipients are read before the projection changes: a transfer's notice to the previous
		// owner is in the previous owner's language.
		Optional<PartnerProjection> before = notices.isEmpty() ? Optional.empty()
				: this.partners.find(payload.partitionKey());
		this.partners.apply(payload, inbound.time());
		if (payload instanceof PartnerTransferred transferred) {
			// Art. 17: the endpoint was the previous owner's system; the new owner registers its own.
			this.webhooks.remove(transferred.partnerId());
		}
		if (notices.isEmpty()) {
			log.debug("No notice for {} {}: {}", type.topic(), eventId, NoticeRule.matching(type, payload));
			return;
		}
		this.events.keep(new NoticeEvent(eventId, type.topic(), type.ceType(), inbound.subject(),
				this.events.toJson(payload), (inbound.time() != null) ? inbound.time() : this.clock.instant(),
				this.clock.instant()));
		Instant now = this.clock.instant();
		List<Delivery> pending = new ArrayList<>();
		for (NoticeRule rule : notices) {
			if (rule.audience() == Audience.ALL_ACTIVE_PARTNERS) {
				// Art. 16.2, 9.2: written page by page by the fan-out, not in this consumer poll.
				this.fanOuts.start(eventId, rule);
				continue;
			}
			for (Recipient recipient : this.recipients.of(rule, payload, before)) {
				for (Channel channel : channels(rule, recipient)) {
					pending.add(Delivery.pending(eventId, rule, recipient, channel, now, this.schedule));
				}
			}
		}
		int written = this.deliveries.insertNew(pending);
		log.info("Event {} {} ({}): {} notice(s) recorded", type.topic(), eventId, notices, written);
	}

	/** The rule's channels this recipient can be reached by: an inbox and a webhook belong to a partner. */
	private List<Channel> channels(NoticeRule rule, Recipient recipient) {
		boolean partner = recipient.audience().isPartner() && recipient.partnerId() != null;
		Set<String> withWebhook = (partner && rule.channels().contains(Channel.WEBHOOK))
				? this.webhooks.activeAmong(List.of(recipient.partnerId())) : Set.of();
		List<Channel> channels = new ArrayList<>();
		for (Channel channel : rule.channels()) {
			if (channel == Channel.EMAIL || (channel == Channel.INBOX && partner)
					|| (channel == Channel.WEBHOOK && withWebhook.contains(recipient.partnerId()))) {
				channels.add(channel);
			}
		}
		return channels;
	}

	/** An event without a {@code ce_id} still gets a stable identity: its type and content. */
	private String contentId(EventType type, CxEvent payload) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((type.topic() + ":" + this.events.toJson(payload)).getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
