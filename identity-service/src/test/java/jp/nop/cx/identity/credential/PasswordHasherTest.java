package jp.nop.cx.identity.credential;

import java.time.Duration;
import java.time.ZoneId;

import jp.nop.cx.identity.IdentityProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

	@Test
	void defaultHashIsBcryptWithCostTwelveBehindTheDelegatingPrefix() {
		PasswordHasher hasher = new PasswordHasher(properties(12));
		String hash = hasher.hash("桜の咲く頃に決めた合言葉");
		assertThat(hash).startsWith("{bcrypt}$2a$12$");
		assertThat(hasher.verify("桜の咲く頃に決めた合言葉", hash)).isTrue();
		assertThat(hasher.verify("別の合言葉を入れてみた", hash)).isFalse();
	}

	@Test
	void noHashAndOverlongPasswordsFailAfterTheSameWork() {
		PasswordHasher hasher = new PasswordHasher(properties(10));
		String hash = hasher.hash("確かめるための合言葉です");
		long withHash = fastestOf(() -> hasher.verify("確かめるための合言葉です", hash));
		long withoutHash = fastestOf(() -> assertThat(hasher.verify("確かめるための合言葉です", null)).isFalse());
		long overlong = fastestOf(() -> assertThat(hasher.verify("a".repeat(100), hash)).isFalse());
		// A missing hash must not answer measurably faster: it runs one bcrypt of the same cost.
		assertThat(withoutHash).isGreaterThan(withHash / 3);
		assertThat(overlong).isGreaterThan(withHash / 3);
	}

	@Test
	void hashesOfALowerCostAreUpgraded() {
		String weak = new PasswordHasher(properties(4)).hash("コストを上げる前の合言葉");
		PasswordHasher stronger = new PasswordHasher(properties(10));
		assertThat(stronger.needsRehash(weak)).isTrue();
		assertThat(stronger.needsRehash(stronger.hash("コストを上げた後の合言葉"))).isFalse();
	}

	private static long fastestOf(Runnable check) {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			check.run();
			best = Math.min(best, System.nanoTime() - start);
		}
		return best;
	}

	static IdentityProperties properties(int strength) {
		return new IdentityProperties("http://localhost:8080",
				new IdentityProperties.Tokens("cx-identity", Duration.ofMinutes(15), Duration.ofHours(12),
						Duration.ofDays(7)),
				new IdentityProperties.Keys(Duration.ofDays(90), Duration.ofHours(1), Duration.ofSeconds(30),
						Duration.ofSeconds(60)),
				new IdentityProperties.Activation(Duration.ofHours(72)), new IdentityProperties.Password(12, strength),
				new IdentityProperties.BruteForce(true, 5, Duration.ofSeconds(60), Duration.ofMinutes(15),
						Duration.ofHours(12), 30, Duration.ofMinutes(1), 50, Duration.ofHours(1)),
				new IdentityProperties.Dormant(180, "0 0 3 * * *", ZoneId.of("Asia/Tokyo")),
				new IdentityProperties.Operator("operator", ""));
	}
}
