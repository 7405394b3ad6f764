package jp.nop.cx.registration.partner;

/** What the applicant declared about the terms, and from where, before it is checked. */
public record TermsAcceptance(String termsVersion, boolean accepted, String clientIp, String userAgent) {
}
