package jp.nop.cx.console.pages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

/**
 * Instants as the people using the portal read them: in Japan time, to the minute, as
 * {@code ${@jst.of(n.createdAt)}} on a page. The terms' day rules are Asia/Tokyo; the API speaks UTC.
 */
@Component("jst")
public class JapanTime {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'")
		.withZone(Times.TOKYO);

	/** An ISO instant in Japan time; anything else (a date, nothing) as it is. */
	public String of(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		try {
			return SHOWN.format(Instant.parse(text));
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

}
