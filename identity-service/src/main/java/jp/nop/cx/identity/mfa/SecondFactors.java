package jp.nop.cx.identity.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jp.nop.cx.identity.IdentitySecrets;
import jp.nop.cx.identity.bruteforce.BruteForceProtection;
import jp.nop.cx.identity.credential.ActivationToken;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialService;
import jp.nop.cx.identity.credential.Role;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.secret.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Art. 4.3, 7.1(10): the TOTP second factor (RFC 6238) of any ID: enrolment, its confirmation by a
 * first code (which hands out the recovery codes, once), removal with a code, and the check of a
 * code at sign-in. A TOTP code is accepted once (its time step is remembered), a recovery code once.
 */
@Service
public class SecondFactors {

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	/** Wrong codes when removing the factor lock removals of the ID, like wrong current passwords. */
	static final String REMOVAL = "mfa-removal";

	private final MongoTemplate mongo;

	private final SealedSecrets atRest;

	private final MfaProperties properties;

	private final BruteForceProtection bruteForce;

	private final CredentialService credentials;

	private final Clock clock;

	SecondFactors(MongoTemplate mongo, IdentitySecrets secrets, MfaProperties properties,
			BruteForceProtection bruteForce, CredentialService credentials, Clock clock) {
		this.mongo = mongo;
		this.atRest = secrets.atRest();
		this.properties = properties;
		this.bruteForce = bruteForce;
		this.credentials = credentials;
		this.clock = clock;
	}

	/** A started enrolment: the secret for the authenticator app, shown to its holder only now. */
	public record Enrolment(String secret, String otpauthUri) {

		@Override
		public String toString() {
			return "Enrolment[****]";
		}
	}

	/** Whether the ID signs in with a second factor. */
	public boolean isActive(String loginId) {
		SecondFactor factor = this.mongo.findById(loginId, SecondFactor.class);
		return factor != null && factor.active();
	}

	/**
	 * Where operators must have a second factor ({@code CX_OPERATOR_MFA=required}), an operator
	 * without one gets only an enrolment token (ADR 0018).
	 */
	public boolean mustEnrolFirst(Credential credential) {
		return credential.role() == Role.OPERATOR && this.properties.operatorsMustEnrol()
				&& !isActive(credential.loginId());
	}

	/** Starts (or starts again) an enrolment; an active factor must be removed first. */
	public Enrolment enrol(String loginId) {
		String secret = Totp.newSecret();
		Query notActive = Query.query(Criteria.where("_id").is(loginId).and("sealedSecret").is(null));
		Update pending = new Update().set("pendingSealedSecret", this.atRest.seal(secret, boundTo(loginId)))
			.set("pendingSince", this.clock.instant());
		try {
			this.mongo.upsert(notActive, pending, SecondFactor.class);
		}
		catch (DuplicateKeyException ex) {
			// The document exists and is not pending: a confirmed factor.
			throw RuleViolation.conflict("mfa-already-enrolled");
		}
		log.info("{} started a second-factor enrolment", loginId);
		return new Enrolment(secret, Totp.uri(this.properties.issuer(), loginId, secret));
	}

	/** The first code proves the app holds the secret: the factor is active, the recovery codes are new. */
	public List<String> confirm(String loginId, String code) {
		Instant now = this.clock.instant();
		SecondFactor factor = this.mongo.findById(loginId, SecondFactor.class);
		if (factor == null || factor.pendingSealedSecret() == null
				|| !now.isBefore(factor.pendingSince().plus(this.properties.pendingTtl()))) {
			throw RuleViolation.conflict("mfa-not-pending");
		}
		String secret = this.atRest.open(factor.pendingSealedSecret(), boundTo(loginId));
		OptionalLong step = Totp.matchingStep(secret, code, now);
		if (step.isEmpty()) {
			throw RuleViolation.invalid("code", "mfa-code-invalid");
		}
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (String recovery : Totp.newRecoveryCodes(this.properties.recoveryCodes())) {
			codes.add(recovery);
			hashes.add(ActivationToken.hashOf(normalizedRecoveryCode(recovery)));
		}
		SecondFactor confirmed = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(loginId).and("pendingSealedSecret").is(factor.pendingSealedSecret())),
				new Update().set("sealedSecret", factor.pendingSealedSecret())
					.unset("pendingSealedSecret")
					.unset("pendingSince")
					.set("confirmedAt", now)
					.set("lastUsedStep", step.getAsLong())
					.set("recoveryCodeHashes", hashes),
				FindAndModifyOptions.options().returnNew(true), SecondFactor.class);
		if (confirmed == null) {
			// Confirmed, or started again, a moment ago by another request.
			throw RuleViolation.conflict("mfa-not-pending");
		}
		log.info("{} confirmed its second factor", loginId);
		return codes;
	}

	/**
	 * Removes the factor; it takes a current TOTP code or a recovery code. Wrong codes count
	 * towards the lock of the ID as wrong current passwords do.
	 */
	public void remove(String loginId, String code) {
		this.bruteForce.requireNotLocked(loginId, REMOVAL);
		if (!isActive(loginId)) {
			throw RuleViolation.conflict("mfa-not-enrolled");
		}
		if (!accept(loginId, code)) {
			this.bruteForce.recordFailure(loginId, REMOVAL)
				.ifPresent((lockedUntil) -> this.credentials.sendUnlockLink(loginId, lockedUntil));
			throw RuleViolation.invalid("code", "mfa-code-invalid");
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(loginId)), SecondFactor.class);
		log.info("{} removed its second factor", loginId);
	}

	/**
	 * Whether {@code code} is a TOTP code of now (±1 step) not accepted before, or one of the
	 * unused recovery codes; either is spent by this call.
	 */
	public boolean accept(String loginId, String code) {
		SecondFactor factor = this.mongo.findById(loginId, SecondFactor.class);
		if (factor == null || !factor.active() || code == null) {
			return false;
		}
		String presented = code.strip();
		if (presented.length() == Totp.DIGITS) {
			OptionalLong step = Totp.matchingStep(this.atRest.open(factor.sealedSecret(), boundTo(loginId)), presented,
					this.clock.instant());
			if (step.isEmpty()) {
				return false;
			}
			// RFC 6238 section 5.2: the same code (or an older one) is not accepted a second time.
			Query unused = Query.query(Criteria.where("_id")
				.is(loginId)
				.and("sealedSecret")
				.is(factor.sealedSecret())
				.orOperator(Criteria.where("lastUsedStep").is(null), Criteria.where("lastUsedStep").lt(step.getAsLong())));
			return this.mongo.findAndModify(unused, new Update().set("lastUsedStep", step.getAsLong()),
					SecondFactor.class) != null;
		}
		String hash = ActivationToken.hashOf(normalizedRecoveryCode(presented));
		boolean spent = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(loginId).and("recoveryCodeHashes").is(hash)),
				new Update().pull("recoveryCodeHashes", hash), SecondFactor.class) != null;
		if (spent) {
			log.info("{} used a recovery code", loginId);
		}
		return spent;
	}

	/** As typed: case, spaces and the dashes between the groups do not matter. */
	static String normalizedRecoveryCode(String code) {
		return code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
	}

	private static String boundTo(String loginId) {
		return "totp:" + loginId;
	}
}
