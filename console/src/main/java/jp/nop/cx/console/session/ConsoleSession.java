package jp.nop.cx.console.session;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * What the console keeps for a signed-in person, server-side only (backend for frontend): the
 * browser holds nothing but the session cookie, never a token.
 */
@Component
@SessionScope
public class ConsoleSession implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private String loginId;

	private String partnerId;

	private List<String> roles = List.of();

	private String accessToken;

	private String refreshToken;

	private Instant accessExpiresAt;

	/** A sign-in waiting for its second factor (SPEC: 401 mfa-required with a challenge). */
	private String mfaChallenge;

	private String mfaLoginId;

	public synchronized void signedIn(String loginId, String partnerId, List<String> roles, String accessToken,
			String refreshToken, Instant accessExpiresAt) {
		this.loginId = loginId;
		this.partnerId = partnerId;
		this.roles = List.copyOf(roles);
		this.accessToken = accessToken;
		this.refreshToken = refreshToken;
		this.accessExpiresAt = accessExpiresAt;
		this.mfaChallenge = null;
		this.mfaLoginId = null;
	}

	public synchronized void refreshed(String accessToken, String refreshToken, Instant accessExpiresAt) {
		this.accessToken = accessToken;
		this.refreshToken = refreshToken;
		this.accessExpiresAt = accessExpiresAt;
	}

	public synchronized void awaitSecondFactor(String loginId, String challenge) {
		this.mfaLoginId = loginId;
		this.mfaChallenge = challenge;
	}

	public synchronized void clear() {
		this.loginId = null;
		this.partnerId = null;
		this.roles = List.of();
		this.accessToken = null;
		this.refreshToken = null;
		this.accessExpiresAt = null;
		this.mfaChallenge = null;
		this.mfaLoginId = null;
	}

	public synchronized boolean isSignedIn() {
		return this.accessToken != null;
	}

	public synchronized boolean isOperator() {
		return this.roles.contains("OPERATOR");
	}

	public synchronized boolean isPartner() {
		return this.partnerId != null && (this.roles.contains("PARTNER_ADMIN") || this.roles.contains("PARTNER_MEMBER"));
	}

	public synchronized boolean isPartnerAdmin() {
		return this.partnerId != null && this.roles.contains("PARTNER_ADMIN");
	}

	public synchronized String getLoginId() {
		return this.loginId;
	}

	public synchronized String getPartnerId() {
		return this.partnerId;
	}

	public synchronized List<String> getRoles() {
		return this.roles;
	}

	public synchronized String getAccessToken() {
		return this.accessToken;
	}

	public synchronized String getRefreshToken() {
		return this.refreshToken;
	}

	public synchronized Instant getAccessExpiresAt() {
		return this.accessExpiresAt;
	}

	public synchronized String getMfaChallenge() {
		return this.mfaChallenge;
	}

	public synchronized String getMfaLoginId() {
		return this.mfaLoginId;
	}

}
