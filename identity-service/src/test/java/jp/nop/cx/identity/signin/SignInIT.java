package jp.nop.cx.identity.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, refresh rotation and brute-force protection, through HTTP with a controlled clock. */
class SignInIT extends IdentityIT {

	@Test
	void signInAnswersWithBearerTokensThatAreNotCached() {
		Account admin = activeAdmin();
		ApiClient.Response response = signInResponse(admin.loginId(), admin.password());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("tokenType")).isEqualTo("Bearer");
		assertThat(response.json().path("expiresIn").asLong()).isEqualTo(900);
		assertThat(response.text("accessToken")).isNotBlank();
		assertThat(response.text("refreshToken")).isNotBlank();
		assertThat(response.header("Cache-Control")).contains("no-store");
	}

	@Test
	void unknownIdWrongPasswordAndNotYetActivatedAnswerAlike() {
		Account admin = activeAdmin();
		Issued pending = approvePartner(newPartnerId());

		ApiClient.Response wrongPassword = signInResponse(admin.loginId(), "違うパスワードです-wrong");
		ApiClient.Response unknownId = signInResponse("cx-nobody00", "違うパスワードです-wrong");
		ApiClient.Response notActivated = signInResponse(pending.loginId(), "違うパスワードです-wrong");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownId.status()).isEqualTo(401);
		assertThat(notActivated.status()).isEqualTo(401);
		assertThat(wrongPassword.text("type")).isEqualTo("https://cx.nop.jp/problems/sign-in-failed");
		assertThat(unknownId.raw()).isEqualTo(wrongPassword.raw());
		assertThat(notActivated.raw()).isEqualTo(wrongPassword.raw());
	}

	@Test
	void loginIdIsMatchedWithoutRegardToCase() {
		Account admin = activeAdmin();
		assertThat(signInResponse(" " + admin.loginId().toUpperCase() + " ", admin.password()).status())
			.isEqualTo(200);
	}

	@Test
	void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
		Account admin = activeAdmin();
		String first = admin.tokens().refreshToken();

		ApiClient.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", first));
		assertThat(refreshed.status()).isEqualTo(200);
		String second = refreshed.text("refreshToken");
		assertThat(second).isNotEqualTo(first);
		assertThat(as(refreshed.text("accessToken")).get("/api/v1/identity/me").status()).isEqualTo(200);

		// The spent token again: someone else holds the chain. Both tokens die, nothing is issued.
		ApiClient.Response reuse = api().post("/api/v1/auth/refresh", Map.of("refreshToken", first));
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.text("type")).isEqualTo("https://cx.nop.jp/problems/refresh-failed");
		assertThat(reuse.text("accessToken")).isEmpty();
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", second)).status()).isEqualTo(401);

		// Another sign-in is another family and is not affected.
		Tokens other = signIn(admin.loginId(), admin.password());
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", other.refreshToken())).status())
			.isEqualTo(200);
	}

	@Test
	void refreshTokensExpire() {
		Account admin = activeAdmin();
		this.clock.advance(Duration.ofHours(12));
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", admin.tokens().refreshToken())).status())
			.isEqualTo(401);
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", "not-a-token")).status())
			.isEqualTo(401);
	}

	@Test
	void failuresLockTheIdWithAGrowingWaitThatEndsAfterAQuietPeriod() {
		Account admin = activeAdmin();
		String wrong = "間違ったパスワード-123";
		// Failures count per ID and client address: the guesser is one address.
		String guesser = newClientAddress();

		// Every 5th failure locks: 60 s, then 120 s, 240 s, 480 s, then at most 15 min.
		for (long expectedWait : new long[] { 60, 120, 240, 480, 900, 900 }) {
			for (int i = 1; i <= 5; i++) {
				assertThat(signInFrom(guesser, admin.loginId(), wrong).status()).as("failure %d", i).isEqualTo(401);
			}
			ApiClient.Response locked = signInFrom(guesser, admin.loginId(), admin.password());
			assertThat(locked.status()).isEqualTo(423);
			assertThat(locked.header("Retry-After")).isEqualTo(Long.toString(expectedWait));
			assertThat(locked.text("type")).isEqualTo("https://cx.nop.jp/problems/sign-in-locked");

			this.clock.advance(Duration.ofSeconds(expectedWait - 1));
			assertThat(signInFrom(guesser, admin.loginId(), admin.password()).header("Retry-After")).isEqualTo("1");
			this.clock.advance(Duration.ofSeconds(1));
		}

		// 12 h without a failure: the count starts again, so four failures do not lock.
		this.clock.advance(Duration.ofHours(12));
		for (int i = 1; i <= 4; i++) {
			assertThat(signInFrom(guesser, admin.loginId(), wrong).status()).isEqualTo(401);
		}
		assertThat(signInFrom(guesser, admin.loginId(), admin.password()).status()).isEqualTo(200);

		// And a success forgets failures too.
		for (int i = 1; i <= 4; i++) {
			assertThat(signInFrom(guesser, admin.loginId(), wrong).status()).isEqualTo(401);
		}
		assertThat(signInFrom(guesser, admin.loginId(), wrong).status()).isEqualTo(401);
		assertThat(signInFrom(guesser, admin.loginId(), admin.password()).status()).isEqualTo(423);
	}

	@Test
	void unknownIdsLockExactlyLikeRealOnes() {
		String guesser = newClientAddress();
		for (int i = 1; i <= 5; i++) {
			assertThat(signInFrom(guesser, "cx-unknown9", "誰のでもないパスワード").status()).isEqualTo(401);
		}
		ApiClient.Response locked = signInFrom(guesser, "cx-unknown9", "誰のでもないパスワード");
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.header("Retry-After")).isEqualTo("60");
	}

	@Test
	void oneClientAddressMayNotGuessWithoutLimit() {
		Account admin = activeAdmin();
		// Start of a fresh one-minute window, so all attempts fall into it.
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2)).plusSeconds(10));
		String client = newClientAddress();
		ApiClient guesser = api().header("X-Forwarded-For", client);
		for (int i = 1; i <= 30; i++) {
			assertThat(guesser.post("/api/v1/auth/token", Map.of("loginId", "cx-guess" + (i % 10) + "aa", "password",
					"当てずっぽうのパスワード")).status()).as("attempt %d", i).isEqualTo(401);
		}
		ApiClient.Response limited = guesser.post("/api/v1/auth/token",
				Map.of("loginId", admin.loginId(), "password", admin.password()));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isEqualTo("50");
		assertThat(limited.text("type")).isEqualTo("https://cx.nop.jp/problems/sign-in-rate-limited");

		// Another address is not affected; the same one may try again in the next window.
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(guesser.post("/api/v1/auth/token", Map.of("loginId", admin.loginId(), "password", admin.password()))
			.status()).isEqualTo(200);
	}

	@Test
	void malformedSignInsAreRefusedWithoutCountingAsFailures() {
		assertThat(api().post("/api/v1/auth/token", "{\"loginId\": {\"$gt\": \"\"}, \"password\": \"x\"}").status())
			.isEqualTo(400);
		assertThat(api().post("/api/v1/auth/token", Map.of("loginId", "cx-someone1")).status()).isEqualTo(422);
		assertThat(api().post("/api/v1/auth/token", "not json").status()).isEqualTo(400);
	}
}
