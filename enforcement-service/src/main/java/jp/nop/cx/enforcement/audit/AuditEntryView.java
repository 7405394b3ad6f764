package jp.nop.cx.enforcement.audit;

import java.time.Instant;
import java.util.List;

/** An entry of the trail as shown; {@code id} is the event ID, the one to attach to a case. */
record AuditEntryView(String id, long sequence, String loginId, String partnerId, List<String> roles, String action,
		List<AuditEntry.Target> targets, int status, String outcome, String clientIp, String userAgent,
		String traceId, Instant occurredAt, Instant recordedAt, String source, String previousHash, String hash) {

	static AuditEntryView of(AuditEntry e) {
		return new AuditEntryView(e.eventId(), e.sequence(), e.loginId(), e.partnerId(), e.roles(), e.action(),
				e.targets(), e.status(), e.outcome(), e.clientIp(), e.userAgent(), e.traceId(), e.occurredAt(),
				e.recordedAt(), e.source(), e.previousHash(), e.hash());
	}

	record Page(List<AuditEntryView> items, int page, int size, long total) {

		static Page of(AuditQueries.EntryPage page) {
			return new Page(page.items().stream().map(AuditEntryView::of).toList(), page.page(), page.size(),
					page.total());
		}
	}
}
