package jp.nop.cx.enforcement.cases;

/**
 * OPEN until an operator records the resolution (Art. 7.5); a resolved case takes no more
 * measures. Its measures may still be in force until the agreed resumption time.
 */
public enum CaseStatus {

	OPEN, RESOLVED

}
