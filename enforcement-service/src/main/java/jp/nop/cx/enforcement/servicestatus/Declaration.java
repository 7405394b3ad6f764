package jp.nop.cx.enforcement.servicestatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import jp.nop.cx.enforcement.capability.Scope;

/** What an operator declares: a kind, its reason, what it covers and when. */
public record Declaration(Kind kind, Reason reason, Scope scope, Instant startsAt, Instant endsAt, boolean urgent,
		String message) {

	public Declaration {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(startsAt, "startsAt");
	}

	/** The same with its times to the millisecond, the precision they are stored and compared in. */
	Declaration toMillis() {
		return new Declaration(this.kind, this.reason, this.scope, this.startsAt.truncatedTo(ChronoUnit.MILLIS),
				(this.endsAt != null) ? this.endsAt.truncatedTo(ChronoUnit.MILLIS) : null, this.urgent, this.message);
	}
}
