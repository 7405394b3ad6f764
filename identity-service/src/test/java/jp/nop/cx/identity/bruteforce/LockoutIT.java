package jp.nop.cx.identity.bruteforce;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import jp.nop.cx.events.EventType;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 7.1(10), SPEC section 3: lockout cannot be turned against the owner. Failures count per
 * login ID and client address; only many failures from everywhere lock the ID itself, and its
 * owner lifts that lock with the mailed link. The per-address limit counts failures only.
 */
class LockoutIT extends IdentityIT {

	private static final String WRONG = "当てずっぽうのパスワード";

	@Test
	void fiftyFailuresFromOneAddressDoNotStopTheOwnerSigningInFromAnother() {
		Account admin = activeAdmin();
		String attacker = newClientAddress();
		for (int i = 1; i <= 50; i++) {
			assertThat(signInFrom(attacker, admin.loginId(), WRONG).status()).as("attempt %d", i)
				.isIn(401, 423, 429);
		}
		assertThat(signInFrom(attacker, admin.loginId(), admin.password()).status()).isIn(423, 429);

		assertThat(signInFrom(newClientAddress(), admin.loginId(), admin.password()).status()).isEqualTo(200);
	}

	@Test
	void theOperatorCannotBeLockedOutFromElsewhereEither() {
		String attacker = newClientAddress();
		for (int i = 1; i <= 50; i++) {
			signInFrom(attacker, OPERATOR_LOGIN, WRONG);
		}
		assertThat(signInFrom(newClientAddress(), OPERATOR_LOGIN, OPERATOR_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void thirtyFiveSignInsFromOneOfficeWithinAMinuteAllSucceed() {
		Account admin = activeAdmin();
		// All within one fresh one-minute window of the per-address limit (30 failures).
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(3)).plusSeconds(5));
		String office = newClientAddress();
		for (int i = 1; i <= 35; i++) {
			assertThat(signInFrom(office, admin.loginId(), admin.password()).status()).as("sign-in %d", i)
				.isEqualTo(200);
		}
	}

	@Test
	void failuresFromEverywhereLockTheIdAndTheMailedLinkLiftsIt() {
		Account admin = activeAdmin();
		// 50 failures (cx.identity.brute-force.id-max-failures) from 50 addresses: each pair has one.
		for (int i = 1; i <= 50; i++) {
			assertThat(signInFrom(newClientAddress(), admin.loginId(), WRONG).status()).as("failure %d", i)
				.isEqualTo(401);
		}
		ApiClient.Response locked = signInFrom(newClientAddress(), admin.loginId(), admin.password());
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.header("Retry-After")).isEqualTo("3600");

		TopicProbe.Event mail = TopicProbe.await(EventType.CREDENTIAL_LOCKED.topic(),
				(e) -> admin.loginId().equals(e.body().path("loginId").asString()));
		assertThat(mail.key()).isEqualTo(admin.partnerId());
		assertThat(mail.body().path("email").asString()).isEqualTo("hanako-" + admin.partnerId() + "@example.co.jp");
		assertThat(mail.body().path("unlockUrl").asString()).isEqualTo(PORTAL + "/unlock");
		String token = NOTIFICATION_SIDE.open(mail.body().path("sealedUnlockToken").asString(), admin.loginId());
		assertThat(mail.body().toString()).doesNotContain(token);

		assertThat(api().post("/api/v1/auth/unlock", Map.of("token", "偽物のトークン")).status()).isEqualTo(400);
		assertThat(api().post("/api/v1/auth/unlock", Map.of("token", token)).status()).isEqualTo(204);
		assertThat(signInFrom(newClientAddress(), admin.loginId(), admin.password()).status()).isEqualTo(200);
		// Single use.
		ApiClient.Response again = api().post("/api/v1/auth/unlock", Map.of("token", token));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.text("type")).isEqualTo("https://cx.nop.jp/problems/unlock-invalid");
	}

	@Test
	void aLockOfTheWholeIdEndsByItselfAfterItsWait() {
		Account admin = activeAdmin();
		for (int i = 1; i <= 50; i++) {
			signInFrom(newClientAddress(), admin.loginId(), WRONG);
		}
		assertThat(signInFrom(newClientAddress(), admin.loginId(), admin.password()).status()).isEqualTo(423);
		this.clock.advance(Duration.ofHours(1));
		assertThat(Set.of(signInFrom(newClientAddress(), admin.loginId(), admin.password()).status()))
			.containsExactly(200);
	}
}
