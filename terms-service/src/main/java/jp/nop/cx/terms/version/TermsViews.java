package jp.nop.cx.terms.version;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of published versions. */
final class TermsViews {

	private TermsViews() {
	}

	/** A version of the terms with its text (GET current, GET versions/{version}). */
	record TermsView(String version, Instant effectiveFrom, String title, String body, String sha256,
			String language, String changeSummary, Instant publishedAt, VersionStatus status, boolean initial) {

		static TermsView of(TermsVersion version, VersionStatus status) {
			return new TermsView(version.version(), version.effectiveFrom(), version.title(),
					version.body(), version.sha256(), version.language(), version.changeSummary(),
					version.publishedAt(), status, version.initial());
		}
	}

	/** A version of the terms in a list: everything but the text. */
	record VersionItem(String version, Instant effectiveFrom, String title, String sha256, String language,
			String changeSummary, Instant publishedAt, VersionStatus status, boolean initial) {

		static VersionItem of(VersionSummary summary, VersionStatus status) {
			return new VersionItem(summary.version(), summary.effectiveFrom(), summary.title(), summary.sha256(),
					summary.language(), summary.changeSummary(), summary.publishedAt(), status, summary.initial());
		}
	}

	/** A version of supplementary terms with its text; {@code prevailing} per Art. 1.3. */
	record SupplementView(String scope, String version, Instant effectiveFrom, String title, String body,
			String sha256, String language, String changeSummary, Instant publishedAt, VersionStatus status,
			boolean prevailing) {

		static SupplementView of(TermsVersion version, VersionStatus status) {
			return new SupplementView(version.scope(), version.version(), version.effectiveFrom(),
					version.title(), version.body(), version.sha256(), version.language(),
					version.changeSummary(), version.publishedAt(), status, true);
		}
	}

	/** A version of supplementary terms in a list. */
	record SupplementItem(String scope, String version, Instant effectiveFrom, String title, String sha256,
			String language, String changeSummary, Instant publishedAt, VersionStatus status) {

		static SupplementItem of(VersionSummary summary, VersionStatus status) {
			return new SupplementItem(summary.scope(), summary.version(), summary.effectiveFrom(), summary.title(),
					summary.sha256(), summary.language(), summary.changeSummary(), summary.publishedAt(), status);
		}
	}

	record Versions(Instant at, String current, List<String> scheduled, List<VersionItem> items) {
	}
}
