package jp.nop.cx.enforcement.cases;

/** The twelve prohibited acts of Art. 7.1, in item order: what a case is about. */
public enum Category {

	TERMS_VIOLATION(1), SERVICE_OBSTRUCTION(2), EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS(3), PRIVACY_OR_DEFAMATION(4),
	IP_INFRINGEMENT(5), OTHER_RIGHTS_INFRINGEMENT(6), REVERSE_ENGINEERING(7), MALWARE(8), SYSTEM_OR_DATA_DAMAGE(9),
	ID_MISUSE(10), ILLEGAL_OR_IMMORAL(11), OTHER_INAPPROPRIATE(12);

	private final int item;

	Category(int item) {
		this.item = item;
	}

	/** Where the prohibition is written, e.g. {@code Art. 7.1(3)}. */
	public String article() {
		return "Art. 7.1(" + this.item + ")";
	}
}
