package jp.nop.cx.platform.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Duplicate detection for a service without a database (the gateway), whose handlers only
 * overwrite state and are idempotent anyway; bounded so it never grows without limit.
 */
public class InMemoryProcessedEvents implements ProcessedEvents {

	private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 100_000;
		}
	});

	@Override
	public boolean isProcessed(String consumer, String eventId) {
		return this.seen.containsKey(consumer + ":" + eventId);
	}

	@Override
	public void markProcessed(String consumer, String eventId) {
		this.seen.put(consumer + ":" + eventId, Boolean.TRUE);
	}
}
