package jp.nop.cx.terms.version;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 16.1, 16.3: which version is in force at an instant. */
class TimelineTest {

	private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

	private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");

	private final VersionSummary first = version("1", Instant.parse("2026-04-01T00:00:00Z"), 1);

	private final VersionSummary second = version("2", MAY, 2);

	private final VersionSummary third = version("3", JUNE, 3);

	private final Timeline timeline = Timeline.of(List.of(this.third, this.first, this.second));

	@Test
	void aVersionIsInForceFromExactlyItsEffectiveFrom() {
		assertThat(this.timeline.inForceAt(MAY)).contains(this.second);
		assertThat(this.timeline.statusAt(this.second, MAY)).isEqualTo(VersionStatus.CURRENT);
		assertThat(this.timeline.statusAt(this.first, MAY)).isEqualTo(VersionStatus.SUPERSEDED);
	}

	@Test
	void oneNanosecondBeforeItsEffectiveFromThePreviousVersionIsStillInForce() {
		Instant justBefore = MAY.minusNanos(1);
		assertThat(this.timeline.inForceAt(justBefore)).contains(this.first);
		assertThat(this.timeline.statusAt(this.second, justBefore)).isEqualTo(VersionStatus.SCHEDULED);
	}

	@Test
	void twoVersionsScheduledInTheFutureTakeEffectOneAfterTheOther() {
		Instant april = Instant.parse("2026-04-15T00:00:00Z");
		assertThat(this.timeline.inForceAt(april)).contains(this.first);
		assertThat(this.timeline.scheduledAt(april)).containsExactly(this.second, this.third);
		assertThat(this.timeline.inForceAt(JUNE.minusNanos(1))).contains(this.second);
		assertThat(this.timeline.inForceAt(JUNE)).contains(this.third);
		assertThat(this.timeline.scheduledAt(JUNE)).isEmpty();
	}

	@Test
	void ofVersionsTakingEffectAtTheSameInstantTheLastPublishedIsInForce() {
		VersionSummary correction = version("2a", MAY, 4);
		Timeline withCorrection = Timeline.of(List.of(this.first, correction, this.second));
		assertThat(withCorrection.inForceAt(MAY)).contains(correction);
		assertThat(withCorrection.statusAt(this.second, MAY)).isEqualTo(VersionStatus.SUPERSEDED);
	}

	@Test
	void beforeTheFirstVersionNothingIsInForce() {
		assertThat(this.timeline.inForceAt(Instant.parse("2026-03-31T23:59:59Z"))).isEmpty();
	}

	@Test
	void aDiffComparesWithTheVersionThatTookEffectBefore() {
		assertThat(this.timeline.predecessorOf("3")).contains(this.second);
		assertThat(this.timeline.predecessorOf("1")).isEmpty();
		assertThat(this.timeline.newestFirst()).containsExactly(this.third, this.second, this.first);
	}

	static VersionSummary version(String version, Instant effectiveFrom, long sequence) {
		return new VersionSummary("base:" + version, TermsKind.BASE, null, version, "NOP CX ポータル利用規約",
				"sha-" + version, "ja", "第" + version + "版", effectiveFrom, effectiveFrom.minusSeconds(86400), sequence,
				false);
	}
}
