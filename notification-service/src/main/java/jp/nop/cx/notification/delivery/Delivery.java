package jp.nop.cx.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.policy.NoticeRule;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Proof of notice: one notice to one recipient through one channel, with every attempt to
 * deliver it. The unique index on (event, recipient, channel) makes a redelivered event unable to
 * create a second notice. Written by the consumer as PENDING; only the channel lane that holds
 * the job lock changes it afterwards.
 */
@Document("deliveries")
@CompoundIndexes({
		@CompoundIndex(name = "one_notice_per_recipient_and_channel", def = "{'eventId': 1, 'recipient': 1, 'channel': 1}",
				unique = true),
		@CompoundIndex(name = "due", def = "{'channel': 1, 'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "by_partner", def = "{'partnerId': 1, 'createdAt': -1}") })
public class Delivery {

	/** The attempts kept on the record; older ones are summarised by {@link #attempts}. */
	static final int KEPT_ATTEMPTS = 20;

	private static final int MAX_ERROR_LENGTH = 500;

	@Id
	private String id;

	private String eventId;

	private String eventType;

	private NoticeRule rule;

	private String partnerId;

	private Audience audience;

	private String recipient;

	private String address;

	private String language;

	private String contactName;

	private String companyName;

	private Channel channel;

	private String template;

	private String article;

	private DeliveryStatus status;

	private int attempts;

	private List<Attempt> attemptLog = new ArrayList<>();

	private String subject;

	private String lastError;

	private Instant nextAttemptAt;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant sentAt;

	private Delivery() {
	}

	/** A notice recorded from an event, due after the schedule's first delay (immediately by default). */
	public static Delivery pending(String eventId, NoticeRule rule, Recipient recipient, Channel channel, Instant now,
			RetrySchedule schedule) {
		if (!rule.channels().contains(channel)) {
			throw new IllegalArgumentException(rule + " does not use " + channel);
		}
		Delivery delivery = new Delivery();
		delivery.id = UUID.randomUUID().toString();
		delivery.eventId = eventId;
		delivery.eventType = rule.eventType().topic();
		delivery.rule = rule;
		delivery.partnerId = recipient.partnerId();
		delivery.audience = recipient.audience();
		delivery.recipient = recipient.key();
		delivery.address = (channel == Channel.EMAIL) ? recipient.address() : null;
		delivery.language = recipient.language();
		delivery.contactName = recipient.contactName();
		delivery.companyName = recipient.companyName();
		delivery.channel = channel;
		delivery.template = rule.template();
		delivery.article = rule.article();
		delivery.status = DeliveryStatus.PENDING;
		delivery.createdAt = now;
		delivery.updatedAt = now;
		delivery.nextAttemptAt = now.plus(schedule.first());
		return delivery;
	}

	/** Fills in what the projection knows when the notice was recorded before the partner was. */
	public void completeRecipient(String address, String language, String contactName, String companyName) {
		if (this.address == null && this.channel == Channel.EMAIL) {
			this.address = address;
		}
		if (this.language == null) {
			this.language = language;
		}
		if (this.contactName == null) {
			this.contactName = contactName;
		}
		if (this.companyName == null) {
			this.companyName = companyName;
		}
	}

	public void recordSent(Instant now, String address, String subject) {
		requirePending();
		this.attempts++;
		this.address = address;
		this.subject = subject;
		this.status = DeliveryStatus.SENT;
		this.sentAt = now;
		this.nextAttemptAt = null;
		this.lastError = null;
		log(now, "SENT", address);
	}

	/**
	 * A failed attempt: the next one follows the schedule, or later if the receiver asked for it
	 * (Retry-After); after the last one the delivery has failed.
	 */
	public void recordFailure(Instant now, String error, Duration retryAfter, RetrySchedule schedule) {
		requirePending();
		this.attempts++;
		this.lastError = truncate(error);
		log(now, "FAILED", error);
		this.updatedAt = now;
		Duration delay = schedule.delayAfter(this.attempts).orElse(null);
		if (delay == null) {
			this.status = DeliveryStatus.FAILED;
			this.nextAttemptAt = null;
			return;
		}
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = retryAfter;
		}
		this.nextAttemptAt = now.plus(delay);
	}

	/** An attempt that can never succeed (a refused target, an invalid address): no retry. */
	public void fail(Instant now, String error) {
		requirePending();
		this.attempts++;
		this.lastError = truncate(error);
		this.status = DeliveryStatus.FAILED;
		this.nextAttemptAt = null;
		log(now, "FAILED", error);
	}

	/** Attempted, and the receiver said it is gone for good (410): counted, and not tried again. */
	public void recordGone(Instant now, String address, String reason) {
		requirePending();
		this.attempts++;
		this.address = address;
		this.status = DeliveryStatus.DISABLED;
		this.lastError = truncate(reason);
		this.nextAttemptAt = null;
		log(now, "DISABLED", reason);
	}

	/** Not sent because the channel's endpoint is gone or disabled. */
	public void disable(Instant now, String reason) {
		requirePending();
		this.status = DeliveryStatus.DISABLED;
		this.lastError = truncate(reason);
		this.nextAttemptAt = null;
		log(now, "DISABLED", reason);
	}

	/** Not tried now (an open circuit breaker): no attempt is counted, it waits until {@code until}. */
	public void postpone(Instant now, Instant until, String reason) {
		requirePending();
		this.nextAttemptAt = until;
		this.lastError = truncate(reason);
		this.updatedAt = now;
	}

	private void requirePending() {
		if (this.status != DeliveryStatus.PENDING) {
			throw new IllegalStateException("Delivery " + this.id + " is " + this.status + ", not PENDING");
		}
	}

	private void log(Instant now, String outcome, String detail) {
		this.attemptLog.add(new Attempt(now, outcome, truncate(detail)));
		if (this.attemptLog.size() > KEPT_ATTEMPTS) {
			this.attemptLog = new ArrayList<>(this.attemptLog.subList(this.attemptLog.size() - KEPT_ATTEMPTS,
					this.attemptLog.size()));
		}
		this.updatedAt = now;
	}

	private static String truncate(String text) {
		if (text == null) {
			return null;
		}
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
	}

	public String id() {
		return this.id;
	}

	public String eventId() {
		return this.eventId;
	}

	public String eventType() {
		return this.eventType;
	}

	public NoticeRule rule() {
		return this.rule;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public Audience audience() {
		return this.audience;
	}

	public String recipient() {
		return this.recipient;
	}

	public String address() {
		return this.address;
	}

	public String language() {
		return this.language;
	}

	public String contactName() {
		return this.contactName;
	}

	public String companyName() {
		return this.companyName;
	}

	public Channel channel() {
		return this.channel;
	}

	public String template() {
		return this.template;
	}

	public String article() {
		return this.article;
	}

	public DeliveryStatus status() {
		return this.status;
	}

	public int attempts() {
		return this.attempts;
	}

	public List<Attempt> attemptLog() {
		return List.copyOf(this.attemptLog);
	}

	public String subject() {
		return this.subject;
	}

	public String lastError() {
		return this.lastError;
	}

	public Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant sentAt() {
		return this.sentAt;
	}
}
