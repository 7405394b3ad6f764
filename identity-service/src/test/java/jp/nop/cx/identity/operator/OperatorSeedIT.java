package jp.nop.cx.identity.operator;

import java.time.Clock;

import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.PasswordHasher;
import jp.nop.cx.identity.credential.PasswordRules;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator account comes from configuration once and then belongs to its holder. */
class OperatorSeedIT extends IdentityIT {

	@Autowired
	CredentialRepository credentials;

	@Autowired
	PasswordHasher passwords;

	@Autowired
	PasswordRules rules;

	@Autowired
	IdentityProperties properties;

	@Autowired
	Clock clock;

	@Test
	void seededOperatorSignsIn() {
		assertThat(signInResponse(OPERATOR_LOGIN, OPERATOR_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void anExistingOperatorKeepsItsPasswordWhenTheConfigurationChanges() {
		IdentityProperties changed = new IdentityProperties(this.properties.portalBaseUrl(), this.properties.tokens(),
				this.properties.keys(), this.properties.activation(), this.properties.password(),
				this.properties.bruteForce(), this.properties.dormant(),
				new IdentityProperties.Operator(OPERATOR_LOGIN, "設定を変えた後の別のパスワード"));

		assertThat(new OperatorSeed(this.credentials, this.passwords, this.rules, changed, this.clock).seed()).isFalse();
		assertThat(signInResponse(OPERATOR_LOGIN, OPERATOR_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void noPasswordMeansNoOperator() {
		IdentityProperties none = new IdentityProperties(this.properties.portalBaseUrl(), this.properties.tokens(),
				this.properties.keys(), this.properties.activation(), this.properties.password(),
				this.properties.bruteForce(), this.properties.dormant(),
				new IdentityProperties.Operator("second-operator", ""));

		assertThat(new OperatorSeed(this.credentials, this.passwords, this.rules, none, this.clock).seed()).isFalse();
		assertThat(this.credentials.existsById("second-operator")).isFalse();
	}

	@Test
	void aPasswordBreakingThePolicyStopsTheStartNamingTheRule() {
		IdentityProperties bad = new IdentityProperties(this.properties.portalBaseUrl(), this.properties.tokens(),
				this.properties.keys(), this.properties.activation(), this.properties.password(),
				this.properties.bruteForce(), this.properties.dormant(),
				new IdentityProperties.Operator("third-operator", "third-operator-の合言葉-2026"));

		assertThatThrownBy(() -> new OperatorSeed(this.credentials, this.passwords, this.rules, bad, this.clock).seed())
			.isInstanceOf(OperatorPasswordRejected.class)
			.hasMessageContaining("CX_OPERATOR_PASSWORD")
			.hasMessageContaining("contains the login ID \"third-operator\" (CONTAINS_LOGIN_ID)");
		assertThat(this.credentials.existsById("third-operator")).isFalse();
	}
}
