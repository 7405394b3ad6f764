package jp.nop.cx.terms.acceptance;

import java.time.Instant;
import java.util.List;

/** An acceptance as partners, operators and the backup export see it. */
public record AcceptanceView(String version, AcceptanceMethod method, Instant acceptedAt, String loginId,
		List<String> supplementVersions, String sha256, String clientIp, String userAgent, String applicationId,
		List<SupplementView> supplements, Instant recordedAt) {

	public static AcceptanceView of(TermsAcceptance acceptance) {
		return new AcceptanceView(acceptance.version(), acceptance.method(), acceptance.acceptedAt(),
				acceptance.loginId(), acceptance.supplementVersions(), acceptance.sha256(),
				acceptance.clientIp(), acceptance.userAgent(), acceptance.applicationId(),
				acceptance.supplements().stream().map(SupplementView::of).toList(), acceptance.recordedAt());
	}

	/** One accepted version of supplementary terms, with how and when it was accepted. */
	public record SupplementView(String scope, String version, String sha256, AcceptanceMethod method,
			Instant acceptedAt, String loginId, String clientIp, String userAgent) {

		static SupplementView of(SupplementAcceptance supplement) {
			return new SupplementView(supplement.scope(), supplement.version(), supplement.sha256(),
					supplement.method(), supplement.acceptedAt(), supplement.loginId(), supplement.clientIp(),
					supplement.userAgent());
		}
	}
}
