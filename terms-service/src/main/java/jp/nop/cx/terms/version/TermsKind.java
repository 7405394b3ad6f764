package jp.nop.cx.terms.version;

/** Which document a version belongs to: the terms themselves, or supplementary terms (Art. 1.2). */
public enum TermsKind {

	BASE, SUPPLEMENT

}
