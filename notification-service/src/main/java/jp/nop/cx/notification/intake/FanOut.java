package jp.nop.cx.notification.intake;

import java.time.Instant;

import jp.nop.cx.notification.policy.NoticeRule;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notice to every active partner (Art. 16.2, 9.2), written page by page: the consumer only
 * records this job; the fan-out scheduler writes one page of deliveries at a time and moves the
 * cursor, so neither a consumer poll nor a single write grows with the number of partners.
 */
@Document("fan_outs")
public class FanOut {

	@Id
	private String id;

	@Version
	private Long version;

	private String eventId;

	private NoticeRule rule;

	/** The last partner ID written; the next page starts after it. */
	private String cursor;

	private int pages;

	private long recipients;

	private boolean done;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant completedAt;

	private FanOut() {
	}

	static FanOut start(String eventId, NoticeRule rule, Instant now) {
		FanOut fanOut = new FanOut();
		fanOut.id = eventId + "/" + rule.name();
		fanOut.eventId = eventId;
		fanOut.rule = rule;
		fanOut.createdAt = now;
		fanOut.updatedAt = now;
		return fanOut;
	}

	/** One page written; a short page is the last. */
	void pageWritten(String lastPartnerId, int partners, int pageSize, Instant now) {
		if (this.done) {
			throw new IllegalStateException("Fan-out " + this.id + " is complete");
		}
		if (partners > 0) {
			this.cursor = lastPartnerId;
			this.pages++;
			this.recipients += partners;
		}
		this.updatedAt = now;
		if (partners < pageSize) {
			this.done = true;
			this.completedAt = now;
		}
	}

	public String id() {
		return this.id;
	}

	public String eventId() {
		return this.eventId;
	}

	public NoticeRule rule() {
		return this.rule;
	}

	public String cursor() {
		return this.cursor;
	}

	public int pages() {
		return this.pages;
	}

	public long recipients() {
		return this.recipients;
	}

	public boolean done() {
		return this.done;
	}

	public Instant completedAt() {
		return this.completedAt;
	}
}
