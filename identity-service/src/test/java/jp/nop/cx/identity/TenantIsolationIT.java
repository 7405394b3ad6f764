package jp.nop.cx.identity;

import java.util.List;
import java.util.Map;

import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 2: partner A's token never reads or changes partner B's IDs. Another company's
 * IDs are "not found", not "forbidden", so their existence is not confirmed either.
 */
class TenantIsolationIT extends IdentityIT {

	@Test
	void anotherPartnersAdminCannotSeeOrTouchThisPartnersIds() {
		Account a = activeAdmin();
		Account b = activeAdmin();
		Account bMember = activeMember(b);
		ApiClient asA = as(a.accessToken());

		assertThat(asA.get("/api/v1/identity/members").raw()).doesNotContain(b.loginId())
			.doesNotContain(bMember.loginId());
		assertThat(asA.delete("/api/v1/identity/members/" + bMember.loginId()).status()).isEqualTo(404);
		assertThat(asA.post("/api/v1/identity/me/incidents",
				Map.of("type", "UNAUTHORIZED_USE", "loginIds", List.of(bMember.loginId()), "detail", "他社のID"))
			.status()).isEqualTo(404);
		// A report that names one's own ID and a stranger's blocks neither.
		assertThat(asA.post("/api/v1/identity/me/incidents",
				Map.of("type", "LOST", "loginIds", List.of(a.loginId(), b.loginId()), "detail", "混在"))
			.status()).isEqualTo(404);
		assertThat(asA.get("/internal/v1/partners/" + b.partnerId() + "/export").status()).isEqualTo(404);

		assertThat(signInResponse(bMember.loginId(), bMember.password()).status()).isEqualTo(200);
		assertThat(signInResponse(b.loginId(), b.password()).status()).isEqualTo(200);
		assertThat(signInResponse(a.loginId(), a.password()).status()).isEqualTo(200);
	}

	@Test
	void exportGivesThePartnerAndTheOperatorIdMetadataWithoutSecrets() {
		Account b = activeAdmin();
		Account bMember = activeMember(b);

		for (String token : List.of(b.accessToken(), bMember.accessToken(), operatorToken())) {
			ApiClient.Response export = as(token).get("/internal/v1/partners/" + b.partnerId() + "/export");
			assertThat(export.status()).isEqualTo(200);
			assertThat(export.text("partnerId")).isEqualTo(b.partnerId());
			var ids = export.json().path("loginIds");
			assertThat(ids.size()).isEqualTo(2);
			assertThat(ids.get(0).path("loginId").asString()).isEqualTo(b.loginId());
			assertThat(ids.get(0).path("role").asString()).isEqualTo("PARTNER_ADMIN");
			assertThat(ids.get(0).path("status").asString()).isEqualTo("ACTIVE");
			assertThat(ids.get(0).path("activatedAt").asString()).isNotBlank();
			assertThat(ids.get(1).path("loginId").asString()).isEqualTo(bMember.loginId());
			assertThat(export.raw()).doesNotContain("password")
				.doesNotContain("Hash")
				.doesNotContain("$2a$")
				.doesNotContain("activation")
				.doesNotContain(b.password());
		}
	}
}
