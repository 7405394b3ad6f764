package jp.nop.cx.terms.version;

import java.time.Instant;

/** A published version without its body: enough to decide what is in force and to list versions. */
public record VersionSummary(String id, TermsKind kind, String scope, String version, String title, String sha256,
		String language, String changeSummary, Instant effectiveFrom, Instant publishedAt, long sequence,
		boolean initial) {

	public TermsRef ref() {
		return new TermsRef(this.scope, this.version, this.sha256);
	}
}
