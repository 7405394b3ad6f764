package jp.nop.cx.identity.credential;

import java.util.Map;

import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in holder changes its own password under the policy. */
class PasswordChangeIT extends IdentityIT {

	@Test
	void changeNeedsTheCurrentPasswordAndEndsOtherSessions() {
		Account admin = activeAdmin();
		ApiClient client = as(admin.accessToken());
		String newPassword = "秋の夕暮れに変えたパスワード";

		ApiClient.Response wrongCurrent = client.put("/api/v1/identity/me/password",
				Map.of("currentPassword", "これは今のではない-xx", "newPassword", newPassword));
		assertThat(wrongCurrent.status()).isEqualTo(422);
		assertThat(wrongCurrent.text("type")).isEqualTo("https://cx.nop.jp/problems/current-password-mismatch");

		ApiClient.Response weak = client.put("/api/v1/identity/me/password",
				Map.of("currentPassword", admin.password(), "newPassword", admin.loginId() + "-suffix-long"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.text("type")).isEqualTo("https://cx.nop.jp/problems/password-policy");

		assertThat(client.put("/api/v1/identity/me/password",
				Map.of("currentPassword", admin.password(), "newPassword", newPassword)).status()).isEqualTo(204);

		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(401);
		assertThat(signInResponse(admin.loginId(), newPassword).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", admin.tokens().refreshToken())).status())
			.isEqualTo(401);
	}

	@Test
	void meAnswersForTheOperatorToo() {
		ApiClient.Response me = as(operatorToken()).get("/api/v1/identity/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("loginId")).isEqualTo(OPERATOR_LOGIN);
		assertThat(me.json().path("partnerId").isNull()).isTrue();
		assertThat(me.json().path("roles").get(0).asString()).isEqualTo("OPERATOR");
	}
}
