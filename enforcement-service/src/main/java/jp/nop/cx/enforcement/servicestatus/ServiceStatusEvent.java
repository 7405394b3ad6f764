package jp.nop.cx.enforcement.servicestatus;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An interruption (Art. 8), maintenance (Art. 10), restriction (Art. 11.3) or discontinuation
 * (Art. 9) of the whole service or of named capabilities, from {@code startsAt} until
 * {@code endsAt} or until an operator ends it. Its state follows the clock; every state it is
 * seen to enter is published on the compacted {@code service-status-changed} topic.
 */
@Document("service_status_events")
@CompoundIndex(name = "next_transition", def = "{'announcedState': 1, 'nextTransitionAt': 1}")
public class ServiceStatusEvent extends OutboxAggregate {

	@Id
	private String id;

	@Version
	private Long version;

	private Kind kind;

	private Reason reason;

	private Scope scope;

	private Instant startsAt;

	private Instant endsAt;

	private boolean urgent;

	private String message;

	private String declaredBy;

	private Instant declaredAt;

	private String endedBy;

	private Instant endedAt;

	/** The last state published. */
	private State announcedState;

	/** When the state will change by itself next, for the transition job to find. */
	private Instant nextTransitionAt;

	private ServiceStatusEvent() {
	}

	/**
	 * Declares an event. It may have started already (an interruption is often declared once it is
	 * under way) but not longer ago than {@code maxBackdating}, and may not have ended. A
	 * discontinuation is announced before it takes effect unless it is urgent (Art. 9.2).
	 */
	public static ServiceStatusEvent declare(Declaration declaration, String by, Instant now,
			Duration maxBackdating) {
		if (declaration.reason().kind() != declaration.kind()) {
			throw RuleViolation.invalid("reason", "reason-of-other-kind", declaration.reason(),
					declaration.kind());
		}
		if (declaration.endsAt() != null && !declaration.endsAt().isAfter(declaration.startsAt())) {
			throw RuleViolation.invalid("endsAt", "ends-before-start");
		}
		if (declaration.endsAt() != null && !declaration.endsAt().isAfter(now)) {
			throw RuleViolation.invalid("endsAt", "ends-in-past");
		}
		if (declaration.startsAt().isBefore(now.minus(maxBackdating))) {
			throw RuleViolation.invalid("startsAt", "starts-too-long-ago", maxBackdating.toDays());
		}
		// Art. 9.2: the partners are told the scope and timing of a discontinuation beforehand,
		// unless it is urgent.
		if (declaration.kind() == Kind.DISCONTINUATION && !declaration.urgent()
				&& !declaration.startsAt().isAfter(now)) {
			throw RuleViolation.invalid("startsAt", "discontinuation-needs-notice");
		}
		ServiceStatusEvent event = new ServiceStatusEvent();
		event.id = UUID.randomUUID().toString();
		event.kind = declaration.kind();
		event.reason = declaration.reason();
		event.scope = declaration.scope();
		event.startsAt = declaration.startsAt();
		event.endsAt = declaration.endsAt();
		event.urgent = declaration.urgent();
		event.message = declaration.message();
		event.declaredBy = by;
		event.declaredAt = now;
		event.announce(event.stateAt(now), now);
		return event;
	}

	/** SCHEDULED before {@code startsAt}, ACTIVE from it, ENDED from {@code endsAt} or once ended. */
	public State stateAt(Instant now) {
		if (this.endedAt != null || (this.endsAt != null && !now.isBefore(this.endsAt))) {
			return State.ENDED;
		}
		return now.isBefore(this.startsAt) ? State.SCHEDULED : State.ACTIVE;
	}

	/**
	 * Ends the event now; a scheduled one is thereby called off. Its {@code endsAt} becomes now, so
	 * that consumers evaluating the times themselves (the gateway) see it over too.
	 */
	public void end(String by, Instant now) {
		if (stateAt(now) == State.ENDED) {
			throw RuleViolation.conflict("service-status-ended", this.id);
		}
		this.endedBy = by;
		this.endedAt = now;
		this.endsAt = now;
		announce(State.ENDED, now);
	}

	/** Publishes the state the clock has moved the event into, if it is not the one last published. */
	public boolean announceTransition(Instant now) {
		State state = stateAt(now);
		if (state == this.announcedState) {
			return false;
		}
		announce(state, now);
		return true;
	}

	private void announce(State state, Instant now) {
		this.announcedState = state;
		this.nextTransitionAt = switch (state) {
			case SCHEDULED -> this.startsAt;
			case ACTIVE -> this.endsAt;
			case ENDED -> null;
		};
		raise(new ServiceStatusChanged(this.id, this.kind.name(), this.reason.name(), this.scope.all(),
				this.scope.capabilities(), this.startsAt, this.endsAt, this.urgent, state.name(), now));
	}

	public String id() {
		return this.id;
	}

	public Kind kind() {
		return this.kind;
	}

	public Reason reason() {
		return this.reason;
	}

	public Scope scope() {
		return this.scope;
	}

	public Instant startsAt() {
		return this.startsAt;
	}

	public Instant endsAt() {
		return this.endsAt;
	}

	public boolean urgent() {
		return this.urgent;
	}

	public String message() {
		return this.message;
	}

	public String declaredBy() {
		return this.declaredBy;
	}

	public Instant declaredAt() {
		return this.declaredAt;
	}

	public String endedBy() {
		return this.endedBy;
	}

	public Instant endedAt() {
		return this.endedAt;
	}

	public State announcedState() {
		return this.announcedState;
	}
}
