package jp.nop.cx.platform.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jp.nop.cx.events.CxEvent;

import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * Base of every aggregate whose changes cause events. A state-changing method calls
 * {@link #raise(CxEvent)}; saving the aggregate writes the document and its outbox entries in
 * one document operation (see {@link OutboxBeforeConvertCallback}).
 */
public abstract class OutboxAggregate {

	/** Field name of the embedded outbox in every aggregate document. */
	public static final String OUTBOX_FIELD = "_outbox";

	@Field(OUTBOX_FIELD)
	private List<OutboxEntry> outbox = new ArrayList<>();

	@Transient
	private transient List<CxEvent> raised = new ArrayList<>();

	protected void raise(CxEvent event) {
		if (this.raised == null) {
			this.raised = new ArrayList<>();
		}
		this.raised.add(event);
	}

	/** Events raised since the aggregate was loaded and not yet saved. */
	public List<CxEvent> raisedEvents() {
		return (this.raised != null) ? Collections.unmodifiableList(this.raised) : List.of();
	}

	void moveRaisedEventsTo(List<OutboxEntry> entries) {
		if (this.outbox == null) {
			this.outbox = new ArrayList<>();
		}
		this.outbox.addAll(entries);
		if (this.raised != null) {
			this.raised.clear();
		}
	}

	List<OutboxEntry> outbox() {
		return (this.outbox != null) ? this.outbox : List.of();
	}
}
