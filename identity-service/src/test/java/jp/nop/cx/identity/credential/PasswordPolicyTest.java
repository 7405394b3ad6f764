package jp.nop.cx.identity.credential;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy(12);

	@Test
	void twelveCharactersAreEnough() {
		assertThat(this.policy.check("abcdefghijkl", "cx-a1b2c3d4")).isEmpty();
	}

	@Test
	void elevenCharactersAreTooFew() {
		assertThat(this.policy.check("abcdefghijk", "cx-a1b2c3d4")).extracting(PasswordPolicy.Violation::rule)
			.containsExactly(PasswordPolicy.Rule.MIN_LENGTH);
	}

	@Test
	void japaneseCharactersCountAsOneEach() {
		assertThat(this.policy.check("古池や蛙飛び込む水の音", "cx-a1b2c3d4")).extracting(PasswordPolicy.Violation::rule)
			.containsExactly(PasswordPolicy.Rule.MIN_LENGTH);
		assertThat(this.policy.check("古池や蛙飛び込む水の音だ", "cx-a1b2c3d4")).isEmpty();
	}

	@Test
	void passwordMustNotContainTheLoginIdInAnyCase() {
		assertThat(this.policy.check("my-CX-A1B2C3D4-password", "cx-a1b2c3d4"))
			.extracting(PasswordPolicy.Violation::rule)
			.containsExactly(PasswordPolicy.Rule.CONTAINS_LOGIN_ID);
	}

	@Test
	void passwordLongerThanBcryptReadsIsRefusedRatherThanCut() {
		String seventyThreeBytes = "a".repeat(73);
		assertThat(this.policy.check(seventyThreeBytes, "cx-a1b2c3d4")).extracting(PasswordPolicy.Violation::rule)
			.containsExactly(PasswordPolicy.Rule.MAX_BYTES);
		// 24 Japanese characters are 72 bytes in UTF-8: still accepted.
		assertThat(this.policy.check("あ".repeat(24), "cx-a1b2c3d4")).isEmpty();
	}

	@Test
	void everyBrokenRuleIsNamed() {
		assertThat(this.policy.check("cx-a1b2c3d4", "cx-a1b2c3d4")).extracting(PasswordPolicy.Violation::rule)
			.containsExactly(PasswordPolicy.Rule.MIN_LENGTH, PasswordPolicy.Rule.CONTAINS_LOGIN_ID);
		assertThat(this.policy.check(null, "cx-a1b2c3d4")).extracting(PasswordPolicy.Violation::limit)
			.containsExactly(12);
	}

	@Test
	void minimumIsConfigurable() {
		assertThat(new PasswordPolicy(16).check("abcdefghijklmno", "cx-a1b2c3d4")).hasSize(1);
	}
}
