package jp.nop.cx.enforcement.servicestatus;

/** The kinds of service-status event and the article each rests on (SPEC section 3 table). */
public enum Kind {

	/** Art. 8: suspension of provision; no notice to partners (Art. 8.2). */
	INTERRUPTION("Art. 8"),
	/** Art. 10: version-up or maintenance; no notice beforehand (Art. 10.2). */
	MAINTENANCE("Art. 10"),
	/** Art. 11.3: provision restricted in the public interest; read-only at the gateway. */
	RESTRICTION("Art. 11.3"),
	/** Art. 9: the whole or a part of the service is discontinued; notice of scope and timing (Art. 9.2). */
	DISCONTINUATION("Art. 9");

	private final String article;

	Kind(String article) {
		this.article = article;
	}

	public String article() {
		return this.article;
	}
}
