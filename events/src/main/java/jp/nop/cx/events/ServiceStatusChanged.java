package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/**
 * Art. 8, 9, 10, 11.3: a service-status event was declared, changed or ended. The compacted topic
 * is keyed by {@code eventId}, so the latest state of every event survives compaction.
 * {@code kind}: INTERRUPTION | MAINTENANCE | RESTRICTION | DISCONTINUATION; {@code state}:
 * SCHEDULED | ACTIVE | ENDED (consumers evaluate {@code startsAt}/{@code endsAt} themselves).
 */
public record ServiceStatusChanged(String eventId, String kind, String reason, boolean all,
		List<Capability> capabilities, Instant startsAt, Instant endsAt, boolean urgent, String state,
		Instant changedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.eventId;
	}
}
