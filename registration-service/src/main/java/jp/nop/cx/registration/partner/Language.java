package jp.nop.cx.registration.partner;

import com.fasterxml.jackson.annotation.JsonValue;

/** The language of notices to the partner: Japanese unless it asks for English. */
public enum Language {

	JA("ja"), EN("en");

	private final String code;

	Language(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	@Override
	public String toString() {
		return this.code;
	}
}
