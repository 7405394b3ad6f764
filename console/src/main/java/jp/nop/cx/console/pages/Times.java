package jp.nop.cx.console.pages;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times typed into forms are Japan time (the terms' day rules are Asia/Tokyo); the API takes instants. */
final class Times {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private Times() {
	}

	/** {@code 2026-12-01T10:00} from a datetime-local field → {@code 2026-12-01T01:00:00Z}; other text as typed (the API refuses it clearly). */
	static String instant(String local) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local.trim()).atZone(TOKYO).toInstant().toString();
		}
		catch (DateTimeParseException ex) {
			return local;
		}
	}

}
