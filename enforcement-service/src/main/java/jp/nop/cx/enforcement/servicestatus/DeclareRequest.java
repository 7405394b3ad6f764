package jp.nop.cx.enforcement.servicestatus;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.nop.cx.enforcement.capability.ScopeRequest;
import jp.nop.cx.platform.validation.MultiLine;

/**
 * A declaration as an operator sends it. {@code message} is optional text for the public status
 * page, e.g. what partners can do meanwhile.
 */
record DeclareRequest(@NotNull Kind kind, @NotNull Reason reason, @NotNull @Valid ScopeRequest scope,
		@NotNull Instant startsAt, Instant endsAt, Boolean urgent, @Size(max = 2000) @MultiLine String message) {

	Declaration toDeclaration() {
		return new Declaration(this.kind, this.reason, this.scope.toScope("scope"), this.startsAt, this.endsAt,
				Boolean.TRUE.equals(this.urgent), this.message);
	}
}
