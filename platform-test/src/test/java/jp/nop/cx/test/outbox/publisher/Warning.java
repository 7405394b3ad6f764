package jp.nop.cx.test.outbox.publisher;

import java.time.Instant;

import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.platform.outbox.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stand-in aggregate of a publishing service: issuing it raises {@link PartnerWarned}. */
@Document("warnings")
public class Warning extends OutboxAggregate {

	@Id
	private String id;

	@Version
	private Long version;

	private String partnerId;

	private String note;

	public static Warning issue(String id, String partnerId, String note, Instant now) {
		Warning warning = new Warning();
		warning.id = id;
		warning.partnerId = partnerId;
		warning.note = note;
		warning.raise(new PartnerWarned(partnerId, "case-" + id, id, "TERMS_VIOLATION", note, now));
		return warning;
	}

	/** A further change of the same document, raising a further event. */
	public void amend(String note, Instant now) {
		this.note = note;
		raise(new PartnerWarned(this.partnerId, "case-" + this.id, this.id, "TERMS_VIOLATION", note, now));
	}

	public String getId() {
		return this.id;
	}
}
