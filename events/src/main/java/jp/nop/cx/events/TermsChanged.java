package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 16: a terms version (base, or a supplement for {@code scope}) was published; it takes
 * effect at {@code effectiveFrom}. Keyed by document (base or scope) so versions stay in order.
 * {@code kind}: BASE | SUPPLEMENT ({@code scope} names the capability of a supplement). The seed
 * version published at first start has a {@code changeSummary} beginning with {@code [initial]}.
 */
public record TermsChanged(String kind, String scope, String version, Instant effectiveFrom, String title,
		String changeSummary, String sha256, String language, Instant publishedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.scope == null ? "base" : "supplement:" + this.scope;
	}

	@Override
	public String subject() {
		return this.version;
	}
}
