package jp.nop.cx.notification.template;

import java.util.Locale;

/** The two languages notices are written in; Japanese unless the partner prefers English. */
public enum Language {

	JA("ja", Locale.JAPANESE), EN("en", Locale.ENGLISH);

	private final String code;

	private final Locale locale;

	Language(String code, Locale locale) {
		this.code = code;
		this.locale = locale;
	}

	/** {@code en…} means English; anything else, including nothing, Japanese (the terms' language). */
	public static Language of(String preferred) {
		return (preferred != null && preferred.trim().toLowerCase(Locale.ROOT).startsWith("en")) ? EN : JA;
	}

	public String code() {
		return this.code;
	}

	public Locale locale() {
		return this.locale;
	}
}
