package jp.nop.cx.gateway.activity;

import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.events.TermsChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivitySamplerTest {

	private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

	private final TermsCalendar terms = new TermsCalendar();

	private final ActivitySampler sampler = new ActivitySampler(Duration.ofMinutes(1), this.terms);

	@Test
	void aLoginIdIsReportedAtMostOncePerMinute() {
		assertThat(this.sampler.sample("yamada", T0)).isTrue();
		assertThat(this.sampler.sample("yamada", T0.plusSeconds(59))).isFalse();
		assertThat(this.sampler.sample("yamada", T0.plusSeconds(60))).isTrue();
		assertThat(this.sampler.sample("yamada", T0.plusSeconds(61))).isFalse();
	}

	@Test
	void eachLoginIdIsSampledOnItsOwn() {
		this.sampler.sample("yamada", T0);

		assertThat(this.sampler.sample("suzuki", T0.plusSeconds(1))).isTrue();
	}

	@Test
	void theFirstUseAfterATermsVersionTakesEffectIsReportedAtOnce() {
		this.terms.apply(terms("2", T0.plusSeconds(20)));
		assertThat(this.sampler.sample("yamada", T0)).isTrue();
		assertThat(this.sampler.sample("yamada", T0.plusSeconds(19))).isFalse();

		// Art. 2.2, 16.3: deemed acceptance by this use; it cannot wait until the minute is over.
		assertThat(this.sampler.sample("yamada", T0.plusSeconds(20))).isTrue();
		assertThat(this.sampler.sample("yamada", T0.plusSeconds(30))).isFalse();
	}

	@Test
	void aVersionThatTookEffectBeforeTheLastReportChangesNothing() {
		this.terms.apply(terms("2", T0.minusSeconds(5)));
		this.sampler.sample("yamada", T0);

		assertThat(this.sampler.sample("yamada", T0.plusSeconds(10))).isFalse();
	}

	private static TermsChanged terms(String version, Instant effectiveFrom) {
		return new TermsChanged("BASE", null, version, effectiveFrom, "NOP CX ポータル利用規約", "第16条の改定", "0".repeat(64),
				"ja", T0);
	}
}
