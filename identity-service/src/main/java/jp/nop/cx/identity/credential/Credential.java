package jp.nop.cx.identity.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jp.nop.cx.events.CredentialDeleted;
import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.CredentialLocked;
import jp.nop.cx.events.CredentialRevoked;
import jp.nop.cx.platform.outbox.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A login ID and what comes with it (Art. 4): its role, the partner whose acts it performs
 * (Art. 4.2), its password hash, a pending activation and its lifecycle. Every change that other
 * services must learn of raises its event here, stored with the document in one write.
 */
@Document("credentials")
public class Credential extends OutboxAggregate {

	private static final Set<CredentialStatus> REISSUABLE = EnumSet.of(CredentialStatus.PENDING_ACTIVATION,
			CredentialStatus.ACTIVE, CredentialStatus.COMPROMISED);

	@Id
	private String loginId;

	/**
	 * What the ID was issued for, unique: a redelivered {@code partner-approved} finds its
	 * administrator already there instead of creating a second one.
	 */
	@Indexed(unique = true)
	private String issueKey;

	@Indexed
	private String partnerId;

	private Role role;

	private CredentialStatus status;

	private String email;

	private String name;

	private String preferredLanguage;

	private String passwordHash;

	private Activation activation;

	private Instant createdAt;

	private Instant activatedAt;

	private Instant lastUsedAt;

	/** Art. 4.5: the latest of creation, activation, reissue and use; the dormancy clock starts here. */
	private Instant lastActivityAt;

	/** When the ID was last revoked or reissued; for people, and for tokens without a generation. */
	private Instant notBefore;

	/**
	 * Art. 4.3: counts the revocations and reissues. Every token and refresh family carries the
	 * generation it was issued for; one from a lower generation was issued before the latest
	 * revocation, whatever the clock says (ADR 0007). 0 for an ID never revoked.
	 */
	private long generation;

	private Instant deletedAt;

	private RevocationReason revocationReason;

	@Version
	private Long version;

	@PersistenceCreator
	Credential() {
	}

	private Credential(String loginId, String issueKey, String partnerId, Role role, String email, String name,
			String preferredLanguage, Instant now) {
		this.loginId = loginId;
		this.issueKey = issueKey;
		this.partnerId = partnerId;
		this.role = role;
		this.email = email;
		this.name = name;
		this.preferredLanguage = preferredLanguage;
		this.createdAt = now;
		this.lastActivityAt = now;
	}

	/**
	 * Art. 4.1, 4.2: a partner ID waiting for its holder to set a password through the link.
	 */
	public static Credential issue(String loginId, NewCredential request, ActivationToken token,
			ActivationLink activationLink, Duration activationTtl, Instant now) {
		if (request.role() == Role.OPERATOR || request.partnerId() == null) {
			throw new IllegalArgumentException("Partner IDs only; the operator account is seeded");
		}
		Credential credential = new Credential(loginId, request.issueKey(), request.partnerId(), request.role(),
				request.email(), request.name(), request.preferredLanguage(), now);
		credential.status = CredentialStatus.PENDING_ACTIVATION;
		credential.startActivation(request.purpose(), token, activationLink, activationTtl, now);
		return credential;
	}

	/** The operator account from configuration: active at once, no partner, no events. */
	public static Credential operator(String loginId, String passwordHash, Instant now) {
		Credential credential = new Credential(loginId, "OPERATOR:" + loginId, null, Role.OPERATOR, null, null, null,
				now);
		credential.status = CredentialStatus.ACTIVE;
		credential.passwordHash = passwordHash;
		credential.activatedAt = now;
		return credential;
	}

	/** Whether a link was sent and not yet used (it may have expired). */
	public boolean awaitsActivation() {
		return this.status == CredentialStatus.PENDING_ACTIVATION && this.activation != null;
	}

	/** Sets the first password (or, after a reissue, a new one); the link is spent. */
	public void activate(String newPasswordHash, Instant now) {
		if (!awaitsActivation() || this.activation.expiredAt(now)) {
			throw new IllegalStateException("No usable activation for " + this.loginId);
		}
		this.passwordHash = newPasswordHash;
		this.activation = null;
		this.status = CredentialStatus.ACTIVE;
		if (this.activatedAt == null) {
			this.activatedAt = now;
		}
		this.lastActivityAt = later(this.lastActivityAt, now);
	}

	public boolean canSignIn() {
		return this.status == CredentialStatus.ACTIVE && this.passwordHash != null;
	}

	/**
	 * Whether an access token or refresh family of {@code tokenGeneration}, issued at
	 * {@code issuedAt}, still speaks for this ID. One issued before generations were counted
	 * (null) is compared by time, and one of the revocation's own second counts as older, because
	 * JWT times have whole seconds.
	 */
	public boolean acceptsToken(Long tokenGeneration, Instant issuedAt) {
		if (this.status != CredentialStatus.ACTIVE) {
			return false;
		}
		if (tokenGeneration != null) {
			return tokenGeneration >= this.generation;
		}
		return this.notBefore == null || (issuedAt != null && issuedAt.isAfter(this.notBefore));
	}

	public void changePassword(String newPasswordHash) {
		if (!canSignIn()) {
			throw new IllegalStateException("Only an active ID changes its password");
		}
		this.passwordHash = newPasswordHash;
	}

	/** A stronger hash of the same password (the configured cost went up). */
	public void rehashPassword(String newPasswordHash) {
		this.passwordHash = newPasswordHash;
	}

	public boolean isReissuable() {
		return this.role != Role.OPERATOR && REISSUABLE.contains(this.status);
	}

	/**
	 * Art. 4.3: an operator sends a fresh activation link. The old password stops working; tokens
	 * issued before now are refused.
	 */
	public void reissue(ActivationToken token, ActivationLink activationLink, Duration activationTtl, Instant now) {
		if (!isReissuable()) {
			throw new IllegalStateException(this.loginId + " cannot be reissued in status " + this.status);
		}
		this.generation++;
		this.notBefore = now;
		if (this.status == CredentialStatus.ACTIVE) {
			raise(revoked(RevocationReason.REISSUED, now));
		}
		this.status = CredentialStatus.PENDING_ACTIVATION;
		this.passwordHash = null;
		this.revocationReason = null;
		// A fresh start for the dormancy rule too: the holder has not had a chance to use it yet.
		this.lastActivityAt = later(this.lastActivityAt, now);
		startActivation(IssuePurpose.REISSUE, token, activationLink, activationTtl, now);
	}

	/**
	 * Art. 4.3: reported lost, stolen or misused. Blocks sign-in and every token at once. Returns
	 * false if it was already compromised (nothing new to announce).
	 */
	public boolean compromise(Instant now) {
		if (this.status == CredentialStatus.COMPROMISED) {
			return false;
		}
		requireLive();
		block(CredentialStatus.COMPROMISED, RevocationReason.COMPROMISED, now);
		raise(revoked(RevocationReason.COMPROMISED, now));
		return true;
	}

	/**
	 * Art. 4.3, 7.1(10): failures from everywhere locked the ID; its holder is sent the link that
	 * lifts the lock ({@code credential-locked}). Nothing about the ID itself changes.
	 */
	public void announceLock(String unlockUrl, String sealedUnlockToken, Instant lockedUntil, Instant now) {
		raise(new CredentialLocked(this.partnerId, this.loginId, this.email, this.preferredLanguage, unlockUrl,
				sealedUnlockToken, lockedUntil, now));
	}

	/** Art. 17: the old company's IDs stop for good when the partner's status passes on. */
	public boolean revokeForTransfer(Instant now) {
		if (this.status == CredentialStatus.REVOKED || this.status == CredentialStatus.DELETED) {
			return false;
		}
		block(CredentialStatus.REVOKED, RevocationReason.PARTNER_TRANSFERRED, now);
		raise(revoked(RevocationReason.PARTNER_TRANSFERRED, now));
		return true;
	}

	/**
	 * Art. 4.2, 4.5, 12: deleted. What identified the holder goes; the ID itself stays as a
	 * tombstone so it is never handed out again and its history can be exported.
	 */
	public boolean delete(RevocationReason reason, Instant now) {
		if (this.status == CredentialStatus.DELETED) {
			return false;
		}
		if (this.role == Role.OPERATOR) {
			throw new IllegalStateException("The operator account is managed by configuration");
		}
		block(CredentialStatus.DELETED, reason, now);
		this.email = null;
		this.name = null;
		this.deletedAt = now;
		raise(revoked(reason, now));
		raise(new CredentialDeleted(this.partnerId, this.loginId, reason.name(), this.lastUsedAt, now));
		return true;
	}

	public boolean isDeleted() {
		return this.status == CredentialStatus.DELETED;
	}

	public boolean belongsTo(String partnerId) {
		return this.partnerId != null && this.partnerId.equals(partnerId);
	}

	private void block(CredentialStatus newStatus, RevocationReason reason, Instant now) {
		this.status = newStatus;
		this.revocationReason = reason;
		this.passwordHash = null;
		this.activation = null;
		this.notBefore = now;
		this.generation++;
	}

	private void requireLive() {
		if (this.status == CredentialStatus.REVOKED || this.status == CredentialStatus.DELETED) {
			throw new IllegalStateException(this.loginId + " is " + this.status);
		}
	}

	private void startActivation(IssuePurpose purpose, ActivationToken token, ActivationLink activationLink,
			Duration ttl, Instant now) {
		Instant expiresAt = now.plus(ttl);
		this.activation = new Activation(token.hash(), expiresAt, purpose);
		raise(new CredentialIssued(this.partnerId, this.loginId, this.role.name(), purpose.name(), this.email,
				this.preferredLanguage, activationLink.url(), activationLink.sealedToken(), expiresAt, now));
	}

	private CredentialRevoked revoked(RevocationReason reason, Instant now) {
		return new CredentialRevoked(this.partnerId, this.loginId, reason.name(), now, now, this.generation);
	}

	private static Instant later(Instant a, Instant b) {
		return (a == null || b.isAfter(a)) ? b : a;
	}

	public String loginId() {
		return this.loginId;
	}

	/** The generation tokens issued now carry. */
	public long generation() {
		return this.generation;
	}

	public String issueKey() {
		return this.issueKey;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public Role role() {
		return this.role;
	}

	public CredentialStatus status() {
		return this.status;
	}

	public String email() {
		return this.email;
	}

	public String name() {
		return this.name;
	}

	public String preferredLanguage() {
		return this.preferredLanguage;
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	public Activation activation() {
		return this.activation;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant activatedAt() {
		return this.activatedAt;
	}

	public Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	public Instant lastActivityAt() {
		return this.lastActivityAt;
	}

	public Instant notBefore() {
		return this.notBefore;
	}

	public Instant deletedAt() {
		return this.deletedAt;
	}

	public RevocationReason revocationReason() {
		return this.revocationReason;
	}

	@Override
	public String toString() {
		return "Credential[" + this.loginId + ", " + this.role + ", " + this.status + ", partner " + this.partnerId
				+ "]";
	}
}
