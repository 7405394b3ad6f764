package jp.nop.cx.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jp.nop.cx.identity.bruteforce.BruteForceProtection;
import jp.nop.cx.identity.bruteforce.ClientRateLimiter;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.CredentialService;
import jp.nop.cx.identity.credential.LoginIds;
import jp.nop.cx.identity.credential.PasswordHasher;
import jp.nop.cx.identity.mfa.SecondFactors;
import jp.nop.cx.identity.session.RefreshSessions;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.EnrolmentOnlyTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Sign-in and refresh. Every refusal of a sign-in (unknown ID, wrong password, not yet activated,
 * compromised, revoked, deleted) is the same 401 after the same work (one bcrypt comparison), so
 * neither the answer nor its timing tells which it was.
 */
@Service
class SignInService {

	private static final Logger log = LoggerFactory.getLogger(SignInService.class);

	private final CredentialRepository credentials;

	private final PasswordHasher passwords;

	private final BruteForceProtection bruteForce;

	private final ClientRateLimiter clients;

	private final RefreshSessions sessions;

	private final AccessTokens accessTokens;

	private final Clock clock;

	private final CredentialService credentialService;

	private final SecondFactors secondFactors;

	private final MfaChallenges challenges;

	SignInService(CredentialRepository credentials, PasswordHasher passwords, BruteForceProtection bruteForce,
			ClientRateLimiter clients, RefreshSessions sessions, AccessTokens accessTokens, Clock clock,
			CredentialService credentialService, SecondFactors secondFactors, MfaChallenges challenges) {
		this.credentials = credentials;
		this.passwords = passwords;
		this.bruteForce = bruteForce;
		this.clients = clients;
		this.sessions = sessions;
		this.accessTokens = accessTokens;
		this.clock = clock;
		this.credentialService = credentialService;
		this.secondFactors = secondFactors;
		this.challenges = challenges;
	}

	TokenResponse signIn(String typedLoginId, String password, String clientAddress) {
		this.clients.requireWithinLimit(clientAddress);
		String loginId = LoginIds.normalize(typedLoginId);
		this.bruteForce.requireNotLocked(loginId, clientAddress);
		Credential credential = this.credentials.findById(loginId).orElse(null);
		// Blocked IDs have no password hash: the comparison runs against a dummy and fails.
		boolean matches = this.passwords.verify(password, (credential != null) ? credential.passwordHash() : null);
		if (!matches || !credential.canSignIn()) {
			countFailure(loginId, clientAddress);
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "sign-in-failed");
		}
		upgradeHash(credential, password);
		if (this.secondFactors.isActive(loginId)) {
			// The failures are forgotten only once the code is right too: a guesser who has the
			// password must not reset the count of wrong codes by signing in again.
			String challenge = this.challenges.start(loginId, credential.generation());
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "mfa-required").with("challenge", challenge);
		}
		return signedIn(credential);
	}

	/**
	 * The second step of a sign-in: the challenge of the password step and a TOTP code (or a
	 * recovery code). A wrong code counts as a failed sign-in of the ID from this address.
	 */
	TokenResponse completeWithSecondFactor(String challenge, String code, String clientAddress) {
		this.clients.requireWithinLimit(clientAddress);
		String owner = this.challenges.owner(challenge).orElse(null);
		if (owner != null) {
			this.bruteForce.requireNotLocked(owner, clientAddress);
		}
		MfaChallenge taken = (owner != null) ? this.challenges.take(challenge).orElse(null) : null;
		if (taken == null) {
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "mfa-challenge-invalid");
		}
		String loginId = taken.loginId();
		Credential credential = this.credentials.findById(loginId).orElse(null);
		// Art. 4.3: revoked (or reissued) between the password and the code: the challenge is dead.
		if (credential == null || !credential.canSignIn() || credential.generation() != taken.generation()) {
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "mfa-challenge-invalid");
		}
		if (!this.secondFactors.accept(loginId, code)) {
			countFailure(loginId, clientAddress);
			this.challenges.putBackAfterFailure(taken);
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "mfa-failed");
		}
		return signedIn(credential);
	}

	/** Whose sign-in a challenge continues, for the audit entry; empty when it is unknown. */
	Optional<String> challengeOwner(String challenge) {
		return this.challenges.owner(challenge);
	}

	private TokenResponse signedIn(Credential credential) {
		String loginId = credential.loginId();
		this.bruteForce.recordSuccess(loginId);
		this.credentials.recordUse(loginId, this.clock.instant());
		log.debug("{} signed in", loginId);
		return tokensFor(credential, this.sessions.start(loginId, credential.generation()));
	}

	/** Only failures count against the address: one office behind one NAT signs in freely. */
	private void countFailure(String loginId, String clientAddress) {
		this.clients.countFailure(clientAddress);
		this.bruteForce.recordFailure(loginId, clientAddress)
			.ifPresent((lockedUntil) -> this.credentialService.sendUnlockLink(loginId, lockedUntil));
	}

	TokenResponse refresh(String refreshToken) {
		RefreshSessions.Rotation rotation = this.sessions.rotate(refreshToken);
		if (!(rotation instanceof RefreshSessions.Rotated rotated)) {
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "refresh-failed");
		}
		Credential credential = this.credentials.findById(rotated.loginId()).orElse(null);
		// Art. 4.3: a family started before the ID was revoked, reissued or deleted is dead, even one
		// that a sign-in racing the revocation wrote after the families were revoked.
		if (credential == null || !credential.acceptsToken(rotated.generation(), rotated.startedAt())) {
			this.sessions.revokeFamily(rotated.familyId(), "CREDENTIAL_REVOKED");
			throw new RuleViolation(RuleViolation.Kind.UNAUTHENTICATED, "refresh-failed");
		}
		this.credentials.recordUse(credential.loginId(), this.clock.instant());
		return tokensFor(credential, rotated.next());
	}

	/**
	 * Decided at every issue, refreshes included: an operator who must have a second factor and has
	 * none gets tokens only for enrolling one (ADR 0018).
	 */
	private TokenResponse tokensFor(Credential credential, RefreshSessions.IssuedRefreshToken refresh) {
		boolean enrolmentOnly = this.secondFactors.mustEnrolFirst(credential);
		AccessTokens.AccessToken access = this.accessTokens.issue(credential, enrolmentOnly);
		long refreshSeconds = Math.max(0, Duration.between(access.issuedAt(), refresh.expiresAt()).toSeconds());
		return new TokenResponse(access.value(), "Bearer", access.lifetime().toSeconds(), refresh.value(),
				refreshSeconds, enrolmentOnly ? EnrolmentOnlyTokens.MFA_ENROLMENT : null);
	}

	/** The configured bcrypt cost went up since this hash was made: store a stronger one now. */
	private void upgradeHash(Credential credential, String password) {
		if (!this.passwords.needsRehash(credential.passwordHash())) {
			return;
		}
		credential.rehashPassword(this.passwords.hash(password));
		try {
			this.credentials.save(credential);
		}
		catch (OptimisticLockingFailureException ex) {
			// Changed meanwhile; the next sign-in upgrades it.
		}
	}
}
