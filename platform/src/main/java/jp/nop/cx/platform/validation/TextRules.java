package jp.nop.cx.platform.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** The rules behind {@link SingleLine}, {@link MultiLine} and {@link Mailbox}, usable without Bean Validation. */
public final class TextRules {

	// RFC 5321 4.1.2: Dot-string = Atom *("." Atom), Atom = 1*atext (RFC 5322 3.2.3).
	private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

	// RFC 5321 4.1.2: sub-domain = Let-dig [Ldh-str].
	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern MAILBOX = Pattern
		.compile("(?<local>" + ATOM + "(?:\\." + ATOM + ")*)@" + LABEL + "(?:\\." + LABEL + ")*");

	private TextRules() {
	}

	/** No control character at all, no line or paragraph separator, no bidi control. */
	public static boolean isSingleLine(CharSequence text) {
		return text.codePoints().noneMatch((c) -> Character.getType(c) == Character.CONTROL || c == 0x2028
				|| c == 0x2029 || isBidiControl(c));
	}

	/** Line feeds (also after a carriage return) and tabs allowed; no other control, no bidi control. */
	public static boolean isMultiLine(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = c == '\n' || c == '\t'
					|| (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
			if (!allowed && (Character.getType(c) == Character.CONTROL || isBidiControl(c))) {
				return false;
			}
		}
		return true;
	}

	public static boolean isMailbox(CharSequence text) {
		if (text.length() > 254) {
			return false;
		}
		var matcher = MAILBOX.matcher(text);
		return matcher.matches() && matcher.group("local").length() <= 64;
	}

	// U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
	private static boolean isBidiControl(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	public static class SingleLineValidator implements ConstraintValidator<SingleLine, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || isSingleLine(value);
		}
	}

	public static class MultiLineValidator implements ConstraintValidator<MultiLine, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || isMultiLine(value);
		}
	}

	public static class MailboxValidator implements ConstraintValidator<Mailbox, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || isMailbox(value);
		}
	}
}
