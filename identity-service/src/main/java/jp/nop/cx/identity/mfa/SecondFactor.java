package jp.nop.cx.identity.mfa;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The TOTP second factor of one login ID. The secret rests only sealed with the key-encryption key
 * ({@code CX_KEY_ENCRYPTION_KEY}, the login ID as associated data), the recovery codes only as
 * SHA-256 hashes. Changed only by conditional updates, so a code is spent once even when two
 * requests present it at the same moment.
 *
 * @param loginId the ID it belongs to
 * @param sealedSecret the confirmed secret; null while only an enrolment is pending
 * @param pendingSealedSecret a started enrolment waiting for its first code
 * @param pendingSince when that enrolment was started
 * @param confirmedAt when the secret was confirmed
 * @param lastUsedStep the latest TOTP time step accepted; a code of it or an earlier one is refused
 * @param recoveryCodeHashes the recovery codes not used yet
 */
@Document("second_factors")
record SecondFactor(@Id String loginId, String sealedSecret, String pendingSealedSecret, Instant pendingSince,
		Instant confirmedAt, Long lastUsedStep, List<String> recoveryCodeHashes) {

	boolean active() {
		return this.sealedSecret != null;
	}

	@Override
	public String toString() {
		return "SecondFactor[" + this.loginId + (active() ? ", active" : ", pending") + "]";
	}
}
