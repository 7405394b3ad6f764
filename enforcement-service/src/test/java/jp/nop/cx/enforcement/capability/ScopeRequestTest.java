package jp.nop.cx.enforcement.capability;

import java.util.List;

import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scope is the whole service or named capabilities: exactly one of the two. */
class ScopeRequestTest {

	@Test
	void allOrNamedCapabilities() {
		assertThat(new ScopeRequest(true, null).toScope("scope")).isEqualTo(Scope.wholeService());
		assertThat(new ScopeRequest(null, List.of("Export", "webhooks", "export")).toScope("scope").capabilities())
			.containsExactly(Capability.WEBHOOKS, Capability.EXPORT);
	}

	@Test
	void bothOrNeitherIsRefused() {
		assertThatThrownBy(() -> new ScopeRequest(true, List.of("export")).toScope("scope"))
			.isInstanceOfSatisfying(RuleViolation.class,
					(p) -> assertThat(p.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactly("scope"));
		assertThatThrownBy(() -> new ScopeRequest(false, List.of()).toScope("scope"))
			.isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> new ScopeRequest(null, null).toScope("scope")).isInstanceOf(RuleViolation.class);
	}

	@Test
	void anUnknownCapabilityIsNamedInTheError() {
		assertThatThrownBy(() -> new ScopeRequest(null, List.of("export", "billing")).toScope("scope"))
			.isInstanceOfSatisfying(RuleViolation.class, (p) -> assertThat(p.fieldErrors())
				.extracting(RuleViolation.FieldError::field)
				.containsExactly("scope.capabilities[1]"));
	}
}
