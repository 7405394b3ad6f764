package jp.nop.cx.notification.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notice in a partner's in-portal inbox. Its ID is the ID of the delivery that placed it, so
 * placing the same delivery twice leaves one item.
 */
@Document("inbox")
@CompoundIndex(name = "by_partner", def = "{'partnerId': 1, 'createdAt': -1}")
public class InboxItem {

	@Id
	private String id;

	private String partnerId;

	private String eventId;

	private String eventType;

	private String subject;

	private String body;

	private String article;

	private String language;

	private Instant createdAt;

	private boolean read;

	private Instant readAt;

	private String readBy;

	private InboxItem() {
	}

	static InboxItem place(String deliveryId, String partnerId, String eventId, String eventType, String subject,
			String body, String article, String language, Instant now) {
		InboxItem item = new InboxItem();
		item.id = deliveryId;
		item.partnerId = partnerId;
		item.eventId = eventId;
		item.eventType = eventType;
		item.subject = subject;
		item.body = body;
		item.article = article;
		item.language = language;
		item.createdAt = now;
		return item;
	}

	public String id() {
		return this.id;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public String eventId() {
		return this.eventId;
	}

	public String eventType() {
		return this.eventType;
	}

	public String subject() {
		return this.subject;
	}

	public String body() {
		return this.body;
	}

	public String article() {
		return this.article;
	}

	public String language() {
		return this.language;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public boolean read() {
		return this.read;
	}

	public Instant readAt() {
		return this.readAt;
	}

	public String readBy() {
		return this.readBy;
	}
}
