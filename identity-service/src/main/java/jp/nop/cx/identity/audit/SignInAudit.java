package jp.nop.cx.identity.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.LoginIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Art. 4.2, 4.3: every sign-in outcome goes to the audit trail, also failures and locks (a partner
 * sees attempts on its IDs; an operator sees misuse). Sign-ins are anonymous, so the gateway does
 * not record them: this is the one place that does. The ID's partner and role are those of the ID
 * tried, if it exists (the HTTP answer still does not tell unknown from wrong, SPEC section 3).
 */
@Service
public class SignInAudit {

	private final SignInAttemptRepository attempts;

	private final CredentialRepository credentials;

	private final ObjectProvider<Tracer> tracer;

	private final Clock clock;

	SignInAudit(SignInAttemptRepository attempts, CredentialRepository credentials, ObjectProvider<Tracer> tracer,
			Clock clock) {
		this.attempts = attempts;
		this.credentials = credentials;
		this.tracer = tracer;
		this.clock = clock;
	}

	/** The ID signed in ({@code action}: the endpoint, e.g. the password step or the second factor's). */
	public void signedIn(String action, String typedLoginId, String clientIp, String userAgent) {
		record(action, typedLoginId, 200, "SIGNED_IN", clientIp, userAgent);
	}

	/** The sign-in was refused with {@code status} and the refusal's {@code code}. */
	public void refused(String action, String typedLoginId, int status, String code, String clientIp,
			String userAgent) {
		record(action, typedLoginId, status, outcome(code), clientIp, userAgent);
	}

	static String outcome(String problemCode) {
		return switch (problemCode) {
			case "sign-in-failed" -> "BAD_CREDENTIALS";
			case "sign-in-locked" -> "LOCKED";
			case "sign-in-rate-limited" -> "RATE_LIMITED";
			case "mfa-required" -> "MFA_REQUIRED";
			case "mfa-failed" -> "MFA_FAILED";
			default -> problemCode.toUpperCase(Locale.ROOT).replace('-', '_');
		};
	}

	private void record(String action, String typedLoginId, int status, String outcome, String clientIp,
			String userAgent) {
		String loginId = (typedLoginId != null) ? LoginIds.normalize(typedLoginId) : null;
		Credential credential = (loginId != null) ? this.credentials.findById(loginId).orElse(null) : null;
		String partnerId = (credential != null) ? credential.partnerId() : null;
		List<String> roles = (credential != null && credential.role() != null) ? List.of(credential.role().name())
				: List.of();
		this.attempts.save(SignInAttempt.of(UUID.randomUUID().toString(), action, loginId, partnerId, roles, status,
				outcome, clientIp, userAgent, traceId(), this.clock.instant()));
	}

	private String traceId() {
		Tracer t = this.tracer.getIfAvailable();
		Span span = (t != null) ? t.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}
}
