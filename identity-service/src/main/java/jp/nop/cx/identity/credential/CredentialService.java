package jp.nop.cx.identity.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.IdentitySecrets;
import jp.nop.cx.identity.bruteforce.BruteForceProtection;
import jp.nop.cx.identity.session.RefreshSessions;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.secret.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The lifecycle of login IDs: issue with an activation link, activation, password change,
 * reissue, and the ways an ID stops working (compromise, transfer, deletion). Each change is
 * one save of the {@link Credential}, which carries its events.
 */
@Service
public class CredentialService {

	private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

	private static final int LOGIN_ID_ATTEMPTS = 10;

	private static final String PASSWORD_CHANGE = "password-change";

	/**
	 * Saves that must not fail (a loss report, the unlock mail) retry on a clash with the use
	 * bookkeeping; each clash means another write landed in between, so a few rounds always win.
	 */
	private static final int COMPROMISE_ATTEMPTS = 50;

	private final CredentialRepository credentials;

	private final PasswordHasher passwords;

	private final PasswordRules passwordRules;

	private final BruteForceProtection bruteForce;

	private final RefreshSessions sessions;

	private final Clock clock;

	private final String portalBaseUrl;

	private final Duration activationTtl;

	private final SealedSecrets eventSecrets;

	CredentialService(CredentialRepository credentials, PasswordHasher passwords, PasswordRules passwordRules,
			BruteForceProtection bruteForce, RefreshSessions sessions, Clock clock, IdentityProperties properties,
			IdentitySecrets secrets) {
		this.credentials = credentials;
		this.passwords = passwords;
		this.passwordRules = passwordRules;
		this.bruteForce = bruteForce;
		this.sessions = sessions;
		this.clock = clock;
		this.portalBaseUrl = properties.portalBaseUrl().replaceAll("/+$", "");
		this.activationTtl = properties.activation().ttl();
		this.eventSecrets = secrets.forEvents();
	}

	/**
	 * Art. 4.1, 4.2: a new partner ID and its activation link ({@code credential-issued}). Issuing
	 * the same {@link NewCredential#issueKey()} again returns the ID issued the first time.
	 */
	public Credential issue(NewCredential request) {
		Credential existing = this.credentials.findByIssueKey(request.issueKey()).orElse(null);
		if (existing != null) {
			return existing;
		}
		for (int attempt = 1; attempt <= LOGIN_ID_ATTEMPTS; attempt++) {
			ActivationToken token = ActivationToken.generate();
			String loginId = LoginIds.next();
			Credential credential = Credential.issue(loginId, request, token, activationLink(token, loginId),
					this.activationTtl, this.clock.instant());
			try {
				Credential saved = this.credentials.save(credential);
				log.info("Issued {} {} for partner {} ({})", saved.role(), saved.loginId(), saved.partnerId(),
						request.purpose());
				return saved;
			}
			catch (DuplicateKeyException ex) {
				// Either the same request won a race (issue key taken) or the random ID was taken.
				existing = this.credentials.findByIssueKey(request.issueKey()).orElse(null);
				if (existing != null) {
					return existing;
				}
			}
		}
		throw new IllegalStateException("No free login ID after " + LOGIN_ID_ATTEMPTS + " attempts");
	}

	/** Art. 4.1: the holder of the link sets the password; the link is spent. Returns the login ID. */
	public String activate(String token, String newPassword) {
		Credential credential = this.credentials.findByActivationTokenHash(ActivationToken.hashOf(token))
			.filter(Credential::awaitsActivation)
			.orElseThrow(() -> new RuleViolation(RuleViolation.Kind.BAD_REQUEST, "activation-invalid"));
		Instant now = this.clock.instant();
		if (credential.activation().expiredAt(now)) {
			throw new RuleViolation(RuleViolation.Kind.GONE, "activation-expired");
		}
		this.passwordRules.enforce(newPassword, credential.loginId());
		credential.activate(this.passwords.hash(newPassword), now);
		this.credentials.save(credential);
		// Holding the link proves the holder; earlier failed guesses no longer count against it.
		this.bruteForce.recordSuccess(credential.loginId());
		log.info("{} activated", credential.loginId());
		return credential.loginId();
	}

	public void changePassword(String loginId, String currentPassword, String newPassword) {
		// Guesses here need the ID's access token; they lock password changes of the ID (their own
		// "address") and count towards the lock of the whole ID, never a sign-in from elsewhere.
		this.bruteForce.requireNotLocked(loginId, PASSWORD_CHANGE);
		Credential credential = find(loginId);
		if (!this.passwords.verify(currentPassword, credential.passwordHash()) || !credential.canSignIn()) {
			this.bruteForce.recordFailure(loginId, PASSWORD_CHANGE)
				.ifPresent((lockedUntil) -> sendUnlockLink(loginId, lockedUntil));
			throw RuleViolation.invalid("currentPassword", "current-password-mismatch");
		}
		this.passwordRules.enforce(newPassword, loginId);
		credential.changePassword(this.passwords.hash(newPassword));
		this.credentials.save(credential);
		// Other sessions must sign in with the new password; this access token lives out its minutes.
		this.sessions.revokeAllOf(loginId, "PASSWORD_CHANGED");
		log.info("{} changed its password", loginId);
	}

	/** Art. 4.3: an operator sends a fresh activation link; the ID is usable again once it is used. */
	public Credential reissue(String loginId) {
		Credential credential = find(LoginIds.normalize(loginId));
		if (!credential.isReissuable()) {
			throw RuleViolation.conflict("credential-not-reissuable", credential.status());
		}
		ActivationToken token = ActivationToken.generate();
		credential.reissue(token, activationLink(token, credential.loginId()), this.activationTtl,
				this.clock.instant());
		Credential saved = this.credentials.save(credential);
		this.sessions.revokeAllOf(saved.loginId(), RevocationReason.REISSUED.name());
		log.info("Reissued activation for {} of partner {}", saved.loginId(), saved.partnerId());
		return saved;
	}

	/**
	 * Art. 4.3, 7.1(10): the ID was just locked everywhere; its holder gets a single-use link that
	 * lifts the lock. Only the token's hash is kept (with the lock); the event carries it sealed for
	 * notification-service. An unknown ID, or one without an address, locks all the same and is
	 * sent nothing: the answers stay the same either way.
	 */
	public void sendUnlockLink(String loginId, Instant lockedUntil) {
		Credential credential = this.credentials.findById(loginId).orElse(null);
		if (credential == null || credential.email() == null || !credential.canSignIn()) {
			return;
		}
		ActivationToken token = ActivationToken.generate();
		this.bruteForce.attachUnlock(loginId, token.hash());
		String sealed = this.eventSecrets.seal(token.value(), loginId);
		for (int attempt = 1;; attempt++) {
			credential.announceLock(this.portalBaseUrl + "/unlock", sealed, lockedUntil, this.clock.instant());
			try {
				this.credentials.save(credential);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt >= COMPROMISE_ATTEMPTS) {
					throw ex;
				}
				credential = find(loginId);
			}
		}
	}

	/** Art. 4.3: blocks the ID and its sessions at once. False if it was blocked already. */
	public boolean compromise(Credential credential) {
		Credential current = credential;
		// Art. 4.3: a loss report must never fail. Sign-ins and refreshes of the same ID move its
		// version (use bookkeeping) all the time; a clash only means "apply it to the newer copy".
		for (int attempt = 1;; attempt++) {
			boolean changed = current.compromise(this.clock.instant());
			try {
				if (changed) {
					this.credentials.save(current);
					log.warn("{} of partner {} blocked as compromised", current.loginId(), current.partnerId());
				}
				this.sessions.revokeAllOf(current.loginId(), RevocationReason.COMPROMISED.name());
				return changed;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt >= COMPROMISE_ATTEMPTS) {
					throw ex;
				}
				current = find(current.loginId());
			}
		}
	}

	/** Art. 17: the old company's IDs stop for good. */
	public boolean revokeForTransfer(Credential credential) {
		boolean changed = credential.revokeForTransfer(this.clock.instant());
		if (changed) {
			this.credentials.save(credential);
		}
		this.sessions.revokeAllOf(credential.loginId(), RevocationReason.PARTNER_TRANSFERRED.name());
		return changed;
	}

	/** Art. 4.2, 4.5, 12: deletes the ID ({@code credential-revoked} and {@code credential-deleted}). */
	public boolean delete(Credential credential, RevocationReason reason) {
		boolean changed = credential.delete(reason, this.clock.instant());
		if (changed) {
			this.credentials.save(credential);
			log.info("{} of partner {} deleted ({})", credential.loginId(), credential.partnerId(), reason);
		}
		this.sessions.revokeAllOf(credential.loginId(), reason.name());
		return changed;
	}

	public Credential find(String loginId) {
		return this.credentials.findById(loginId)
			.orElseThrow(() -> RuleViolation.notFound("credential"));
	}

	/**
	 * Art. 4.1: only the token's hash is stored, and the raw token rests nowhere but in the mail:
	 * the event carries it sealed for notification-service, which opens it only to write the mail
	 * ({@code <portal>/activate?token=<token>}; base64url needs no escaping in a query string).
	 */
	private ActivationLink activationLink(ActivationToken token, String loginId) {
		return new ActivationLink(this.portalBaseUrl + "/activate", this.eventSecrets.seal(token.value(), loginId));
	}
}
