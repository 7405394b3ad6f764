package jp.nop.cx.identity.operator;

import java.time.Clock;
import java.util.List;

import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.LoginIds;
import jp.nop.cx.identity.credential.PasswordHasher;
import jp.nop.cx.identity.credential.PasswordPolicy;
import jp.nop.cx.identity.credential.PasswordRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the operator account from configuration at start if it does not exist yet. An existing
 * account keeps its password: the configured one is only the initial password. Several instances
 * starting together create it once (the login ID is the document key). A configured password
 * that breaks the policy stops the start ({@link OperatorPasswordRejected}).
 */
@Component
public class OperatorSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OperatorSeed.class);

	private final CredentialRepository credentials;

	private final PasswordHasher passwords;

	private final PasswordRules rules;

	private final IdentityProperties.Operator operator;

	private final Clock clock;

	public OperatorSeed(CredentialRepository credentials, PasswordHasher passwords, PasswordRules rules,
			IdentityProperties properties, Clock clock) {
		this.credentials = credentials;
		this.passwords = passwords;
		this.rules = rules;
		this.operator = properties.operator();
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/** Returns whether it created the account. */
	public boolean seed() {
		String login = LoginIds.normalize(this.operator.login());
		if (this.operator.password().isEmpty()) {
			log.warn("CX_OPERATOR_PASSWORD is not set: no operator account is seeded");
			return false;
		}
		// A password that breaks the policy is a configuration error whether or not the account
		// exists: starting anyway would let the operator believe it can sign in with it.
		List<PasswordPolicy.Violation> violations = this.rules.violations(this.operator.password(), login);
		if (!violations.isEmpty()) {
			throw new OperatorPasswordRejected(login, violations);
		}
		if (this.credentials.existsById(login)) {
			return false;
		}
		try {
			this.credentials.save(Credential.operator(login, this.passwords.hash(this.operator.password()),
					this.clock.instant()));
			log.info("Operator account {} created", login);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another instance seeded it first.
			return false;
		}
	}
}
