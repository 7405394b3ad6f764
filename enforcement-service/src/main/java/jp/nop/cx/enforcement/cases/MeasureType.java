package jp.nop.cx.enforcement.cases;

/** The measures of Art. 7.2. */
public enum MeasureType {

	/** Art. 7.2(1). */
	WARNING("Art. 7.2(1)"),
	/** Art. 7.2(2): suspension of the whole or a part of the service. */
	SUSPENSION("Art. 7.2(2)"),
	/** Art. 7.2(3): a lower rate limit, a measure NOP deems appropriate short of suspension. */
	THROTTLE("Art. 7.2(3)"),
	/** Art. 7.2(3): any other measure; recorded, enforced by people rather than the gateway. */
	OTHER("Art. 7.2(3)");

	private final String article;

	MeasureType(String article) {
		this.article = article;
	}

	public String article() {
		return this.article;
	}
}
