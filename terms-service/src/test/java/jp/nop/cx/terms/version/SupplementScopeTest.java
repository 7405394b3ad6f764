package jp.nop.cx.terms.version;

import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Art. 1.2: supplementary terms apply to a capability of the service. */
class SupplementScopeTest {

	@Test
	void scopesAreTheGatewayCapabilitiesInLowerCase() {
		assertThat(SupplementScope.names()).containsExactly("registration", "identity", "terms", "enforcement",
				"notifications", "webhooks", "export");
		assertThat(SupplementScope.parse("Webhooks").name()).isEqualTo("webhooks");
	}

	@Test
	void anUnknownScopeIsRefusedNamingTheKnownOnes() {
		assertThatThrownBy(() -> SupplementScope.parse("billing")).isInstanceOfSatisfying(RuleViolation.class,
				(violation) -> {
					assertThat(violation.code()).isEqualTo("unknown-scope");
					assertThat(violation.members()).containsKey("allowedScopes");
				});
		assertThatThrownBy(() -> SupplementScope.parse(null)).isInstanceOf(RuleViolation.class);
	}

	@Test
	void aCapabilityReportedByTheGatewayInAnyCaseNamesItsScope() {
		assertThat(SupplementScope.ofCapability(Capability.WEBHOOKS)).contains(SupplementScope.parse("webhooks"));
		assertThat(SupplementScope.ofCapability(null)).isEmpty();
	}
}
