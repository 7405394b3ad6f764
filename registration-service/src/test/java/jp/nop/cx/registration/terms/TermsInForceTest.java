package jp.nop.cx.registration.terms;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.TermsChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 16.1: a published version is in force from its effective time; until then the one before it is. */
class TermsInForceTest {

	private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

	@Test
	void theSeedVersionIsInForceUntilAnotherTakesEffect() {
		assertThat(TermsInForce.inForce(List.of(), NOW, "1")).isEqualTo("1");
		TermsVersion future = new TermsVersion("2", NOW.plusSeconds(1), NOW.minusSeconds(60));
		assertThat(TermsInForce.inForce(List.of(future), NOW, "1")).isEqualTo("1");
		assertThat(TermsInForce.inForce(List.of(future), NOW.plusSeconds(1), "1")).isEqualTo("2");
	}

	@Test
	void theLatestVersionInEffectWinsWhateverTheOrderTheyArrivedIn() {
		List<TermsVersion> versions = List.of(new TermsVersion("3", NOW.minusSeconds(10), NOW.minusSeconds(20)),
				new TermsVersion("1", Instant.parse("2026-01-01T00:00:00Z"), null),
				new TermsVersion("2", NOW.minusSeconds(100), NOW.minusSeconds(200)),
				new TermsVersion("4", NOW.plusSeconds(100), NOW.minusSeconds(5)));
		assertThat(TermsInForce.inForce(versions, NOW, "1")).isEqualTo("3");
	}

	@Test
	void supplementsDoNotChangeTheBaseVersion() {
		assertThat(TermsInForce.isBase(changed("BASE", null))).isTrue();
		assertThat(TermsInForce.isBase(changed("base", null))).isTrue();
		assertThat(TermsInForce.isBase(changed("SUPPLEMENT", "webhooks"))).isFalse();
		assertThat(TermsInForce.isBase(changed(null, null))).isTrue();
		assertThat(TermsInForce.isBase(changed(null, "webhooks"))).isFalse();
	}

	private static TermsChanged changed(String kind, String scope) {
		return new TermsChanged(kind, scope, "2", NOW, "利用規約", "変更点", "abc", "ja", NOW);
	}
}
