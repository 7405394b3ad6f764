package jp.nop.cx.enforcement.capability;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;
import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.rules.RuleViolation;

/**
 * A scope as clients send it: {@code {"all": true}} or {@code {"capabilities": ["export", ...]}}.
 * Kept as strings so that an unknown capability is answered as a field error naming it.
 */
public record ScopeRequest(Boolean all, @Size(max = 20) List<String> capabilities) {

	/** The scope, or a 422 problem whose field errors start with {@code field}. */
	public Scope toScope(String field) {
		boolean wholeService = Boolean.TRUE.equals(this.all);
		boolean named = this.capabilities != null && !this.capabilities.isEmpty();
		if (wholeService && named) {
			throw RuleViolation.invalid(field, "scope-all-or-capabilities");
		}
		if (!wholeService && !named) {
			throw RuleViolation.invalid(field, "scope-needs-all-or-capabilities");
		}
		if (wholeService) {
			return Scope.wholeService();
		}
		List<RuleViolation.FieldError> errors = new ArrayList<>();
		List<Capability> parsed = new ArrayList<>();
		for (int i = 0; i < this.capabilities.size(); i++) {
			var capability = Capability.named(this.capabilities.get(i));
			if (capability.isPresent()) {
				parsed.add(capability.get());
			}
			else {
				errors.add(new RuleViolation.FieldError(field + ".capabilities[" + i + "]", "unknown-capability",
						Capability.wireNames().toString()));
			}
		}
		if (!errors.isEmpty()) {
			throw RuleViolation.invalid(errors);
		}
		return Scope.of(parsed);
	}

	/** How a scope is shown: {@code all} and the capabilities (by their wire names). */
	public record View(boolean all, List<Capability> capabilities) {

		public static View of(Scope scope) {
			return (scope != null) ? new View(scope.all(), scope.capabilities()) : null;
		}
	}
}
