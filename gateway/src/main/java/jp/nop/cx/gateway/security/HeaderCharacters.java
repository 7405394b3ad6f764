package jp.nop.cx.gateway.security;

/**
 * The header names and values Spring Security's {@code StrictServerWebExchangeFirewall} allows,
 * decided without its regular expressions: every code point assigned and no control character
 * (values may also hold tabs), exactly as {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}.
 * <p>
 * The firewall checks a header each time it is read, and the gateway reads each one several
 * times per request (the token, the header limits, the copy to the service); with a bearer
 * token of some 800 characters the regular expressions were a tenth of the gateway's CPU under
 * load (JFR, ADR 0022). Printable ASCII, which is nearly every header, needs no lookup at all.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	static boolean allowedName(String name) {
		return allowed(name, false);
	}

	static boolean allowedValue(String value) {
		return allowed(value, true);
	}

	/** A missing value (a header asked for but absent) passes, as with Spring Security's own check. */
	private static boolean allowed(String text, boolean tab) {
		if (text == null) {
			return true;
		}
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				continue;
			}
			if (tab && c == '\t') {
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || type == Character.CONTROL) {
				return false;
			}
			if (Character.isSupplementaryCodePoint(codePoint)) {
				i++;
			}
		}
		return true;
	}
}
