package jp.nop.cx.registration.partner;

import java.time.Instant;

/**
 * Preamble, Art. 3: the applicant read and accepted this version of the terms, at this time,
 * from this client. Kept as evidence of the explicit acceptance.
 */
public record TermsAgreement(String termsVersion, Instant acceptedAt, String clientIp, String userAgent) {
}
