package jp.nop.cx.terms.acceptance;

import java.time.Instant;

import jp.nop.cx.terms.version.TermsRef;

/**
 * The acceptance of one version of supplementary terms (Art. 1.2), kept in the acceptance of the
 * terms version in force at the time.
 *
 * @param key {@code scope:version}, unique within its acceptance
 */
public record SupplementAcceptance(String key, String scope, String version, String sha256,
		AcceptanceMethod method, Instant acceptedAt, String loginId, String clientIp, String userAgent) {

	static SupplementAcceptance of(TermsRef supplement, AcceptanceMethod method, Instant acceptedAt,
			Acceptor acceptor) {
		return new SupplementAcceptance(supplement.key(), supplement.scope(), supplement.version(),
				supplement.sha256(), method, acceptedAt, acceptor.loginId(), acceptor.clientIp(),
				acceptor.userAgent());
	}
}
