package jp.nop.cx.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nop.cx.notification.delivery.ChannelSender;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.PreparedDelivery;
import jp.nop.cx.notification.delivery.SendOutcome;
import jp.nop.cx.notification.policy.Channel;

import org.springframework.stereotype.Component;

/** Places notices in the partners' inboxes, a round at a time in one bulk write. */
@Component
class InboxSender implements ChannelSender {

	private final Inbox inbox;

	private final Clock clock;

	InboxSender(Inbox inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.INBOX;
	}

	@Override
	public Map<String, SendOutcome> send(List<PreparedDelivery> round) {
		Instant now = this.clock.instant();
		Map<String, SendOutcome> outcomes = new LinkedHashMap<>();
		List<InboxItem> items = new ArrayList<>();
		for (PreparedDelivery prepared : round) {
			Delivery delivery = prepared.delivery();
			if (delivery.partnerId() == null) {
				outcomes.put(prepared.id(), SendOutcome.failed("an inbox belongs to a partner; this recipient is none"));
				continue;
			}
			items.add(InboxItem.place(delivery.id(), delivery.partnerId(), delivery.eventId(),
					delivery.eventType(), prepared.notice().subject(), prepared.notice().text(), delivery.article(),
					prepared.notice().language(), delivery.createdAt()));
			outcomes.put(prepared.id(), SendOutcome.sent("inbox:" + delivery.partnerId()));
		}
		this.inbox.place(items);
		return outcomes;
	}
}
