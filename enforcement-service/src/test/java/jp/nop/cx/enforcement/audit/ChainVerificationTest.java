package jp.nop.cx.enforcement.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain holds while every entry is as appended, and names the first place where it does not. */
class ChainVerificationTest {

	private static final Instant AT = Instant.parse("2026-04-01T00:00:00.123Z");

	@Test
	void aChainAsAppendedIsIntact() {
		ChainVerification.Report report = verify(chain(3));

		assertThat(report.intact()).isTrue();
		assertThat(report.checked()).isEqualTo(3);
		assertThat(report.lastSequence()).isEqualTo(3);
		assertThat(report.complete()).isTrue();
	}

	@Test
	void anEntryWhoseContentChangedIsAltered() {
		List<AuditEntry> chain = chain(3);
		AuditEntry e = chain.get(1);
		chain.set(1, new AuditEntry(e.sequence(), e.eventId(), e.source(), "別人", e.partnerId(), e.roles(), e.action(),
				e.targets(), e.status(), e.outcome(), e.clientIp(), e.userAgent(), e.traceId(), e.occurredAt(),
				e.recordedAt(), e.previousHash(), e.hash()));

		assertThat(verify(chain).firstBreak()).isEqualTo(new ChainVerification.Break(2, "e-2", ChainVerification.Problem.ALTERED));
	}

	@Test
	void aRemovedEntryIsMissing() {
		List<AuditEntry> chain = chain(3);
		chain.remove(1);

		assertThat(verify(chain).firstBreak()).isEqualTo(new ChainVerification.Break(2, null, ChainVerification.Problem.MISSING));
	}

	@Test
	void aReplacedAndRehashedEntryBreaksTheLinkOfTheNext() {
		List<AuditEntry> chain = chain(3);
		AuditEntry e = chain.get(1);
		chain.set(1, AuditEntry.append(recorded(2, "別人"), 2, e.previousHash(), AT));

		assertThat(verify(chain).firstBreak()).isEqualTo(new ChainVerification.Break(3, "e-3", ChainVerification.Problem.BROKEN_LINK));
	}

	@Test
	void aWalkStopsAtTheLimitAndSaysWhereToGoOn() {
		ChainVerification.Report report = ChainVerification.verify(1, AuditEntry.GENESIS, chain(5).iterator(), 2);

		assertThat(report.intact()).isTrue();
		assertThat(report.complete()).isFalse();
		assertThat(report.nextSequence()).isEqualTo(3);
	}

	@Test
	void theHashCoversEveryFieldWithoutAmbiguity() {
		// Written one after the other, "ab" + "" and "a" + "b" would be the same input.
		AuditEntry a = AuditEntry.append(new AuditEntry.Recorded("e-1", "/cx/gateway", "ab", "", List.of(), "x",
				List.of(), 200, null, null, null, null, AT), 1, AuditEntry.GENESIS, AT);
		AuditEntry b = AuditEntry.append(new AuditEntry.Recorded("e-1", "/cx/gateway", "a", "b", List.of(), "x",
				List.of(), 200, null, null, null, null, AT), 1, AuditEntry.GENESIS, AT);

		assertThat(a.hash()).hasSize(64).isNotEqualTo(b.hash());
		assertThat(a.recordedAt()).isEqualTo(AT);
	}

	private static ChainVerification.Report verify(List<AuditEntry> chain) {
		return ChainVerification.verify(1, AuditEntry.GENESIS, chain.iterator(), 100);
	}

	private static List<AuditEntry> chain(int length) {
		List<AuditEntry> chain = new ArrayList<>();
		String previous = AuditEntry.GENESIS;
		for (int i = 1; i <= length; i++) {
			AuditEntry entry = AuditEntry.append(recorded(i, "admin-p-1"), i, previous, AT.plusSeconds(i));
			chain.add(entry);
			previous = entry.hash();
		}
		return chain;
	}

	private static AuditEntry.Recorded recorded(int n, String loginId) {
		return new AuditEntry.Recorded("e-" + n, "/cx/gateway", loginId, "p-1", List.of("PARTNER_ADMIN"),
				"PATCH /api/v1/partners/me", List.of(), 200, null, "198.51.100.1", "junit", "trace", AT.plusSeconds(n));
	}
}
