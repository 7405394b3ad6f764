package jp.nop.cx.enforcement.cases;

import java.util.List;

import jp.nop.cx.enforcement.capability.Scope;
import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each kind of measure of Art. 7.2 needs, and what it cannot take. */
class MeasureOrderTest {

	@Test
	void aSuspensionNamesItsScope() {
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.SUSPENSION, null, null, "停止"))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> {
				assertThat(v.field()).isEqualTo("scope");
				assertThat(v.code()).isEqualTo("suspension-needs-scope");
			});
		assertThat(MeasureOrder.suspension(Scope.of(List.of(Capability.EXPORT)), "一部停止").scope().all()).isFalse();
	}

	@Test
	void aThrottleNeedsAtLeastOneRequestPerSecond() {
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.THROTTLE, null, null, "制限"))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("requestsPerSecond"));
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.THROTTLE, null, 0, "制限"))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("throttle-needs-rate"));
		assertThat(MeasureOrder.throttle(1, "制限").requestsPerSecond()).isEqualTo(1);
	}

	@Test
	void aWarningMayConcernSomeCapabilitiesButTakesNoRate() {
		Scope webhooks = Scope.of(java.util.List.of(jp.nop.cx.events.Capability.WEBHOOKS));
		assertThat(MeasureOrder.warning(webhooks, "警告").scope()).isEqualTo(webhooks);
		assertThat(MeasureOrder.warning("警告").scope()).isNull();
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.WARNING, null, 5, "警告"))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("requestsPerSecond"));
	}

	@Test
	void aThrottleTakesNoScope() {
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.THROTTLE, Scope.wholeService(), 5, "制限"))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("scope"));
	}

	@Test
	void onlyAThrottleTakesARate() {
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.SUSPENSION, Scope.wholeService(), 5, "停止"))
			.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.code()).isEqualTo("rate-only-for-throttle"));
		assertThatThrownBy(() -> new MeasureOrder(MeasureType.OTHER, null, 5, "その他"))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void anOtherMeasureMaySayWhatItConcerns() {
		assertThat(new MeasureOrder(MeasureType.OTHER, Scope.of(List.of(Capability.WEBHOOKS)), null, "Webhook 再設定の依頼")
			.scope()
			.capabilities()).containsExactly(Capability.WEBHOOKS);
	}
}
