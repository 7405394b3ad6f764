package jp.nop.cx.terms.version;

/**
 * Which text someone accepted: a version of the terms ({@code scope} null) or of the
 * supplementary terms of a scope, with the SHA-256 of its body as proof of the exact wording.
 */
public record TermsRef(String scope, String version, String sha256) {

	/** {@code "3"} for the terms, {@code "webhooks:2"} for a supplement. */
	public String key() {
		return (this.scope != null) ? key(this.scope, this.version) : this.version;
	}

	public boolean isSupplement() {
		return this.scope != null;
	}

	public static String key(String scope, String version) {
		return scope + ":" + version;
	}
}
