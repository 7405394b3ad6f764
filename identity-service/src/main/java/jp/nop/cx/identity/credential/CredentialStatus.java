package jp.nop.cx.identity.credential;

/** Where a login ID stands; only {@link #ACTIVE} signs in. */
public enum CredentialStatus {

	/** Issued; waits for its holder to set a password through the activation link. */
	PENDING_ACTIVATION,

	ACTIVE,

	/** Art. 4.3: reported lost, stolen or misused; blocked until an operator reissues it. */
	COMPROMISED,

	/** Art. 17: the partner's status passed to another company; the old IDs stop for good. */
	REVOKED,

	/** Art. 4.5, 12: deleted (dormant, removed by the administrator, partnership ended). */
	DELETED

}
