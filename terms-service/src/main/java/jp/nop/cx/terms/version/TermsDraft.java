package jp.nop.cx.terms.version;

import java.time.Instant;

/**
 * A version an operator asks to publish (Art. 16.1): of the terms when {@code scope} is
 * {@code null}, else of the supplementary terms for that scope (Art. 1.2).
 */
public record TermsDraft(SupplementScope scope, String version, Instant effectiveFrom, String title, String body,
		String changeSummary, String language) {

	public TermsKind kind() {
		return (this.scope != null) ? TermsKind.SUPPLEMENT : TermsKind.BASE;
	}
}
