package jp.nop.cx.identity;

import java.util.Map;

import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC 5, strict input: wrong JSON types and unsafe text are refused, nothing is stored. */
class BadInputIT extends IdentityIT {

	@Autowired
	CredentialRepository credentials;

	@ParameterizedTest
	@ValueSource(strings = { "{\"email\": \"a@example.co.jp\", \"name\": 1}", "{\"email\": true}",
			"{\"email\": \"a@example.co.jp\", \"name\": false}", "{\"email\": 12345}" })
	void aNumberOrABooleanIsNotText(String body) {
		Account admin = activeAdmin();
		ApiClient.Response refused = as(admin.accessToken()).post("/api/v1/identity/members", body);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isIn("email", "name");
		assertThat(this.credentials.findByPartnerIdOrderByCreatedAtAsc(admin.partnerId())).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a,b@example.co.jp", "Sato <sato@example.co.jp>", "sato@example.co.jp\nBcc: x@example.jp",
			"\"sa to\"@example.co.jp", "sato@[192.0.2.1]" })
	void aMemberAddressMustBeAPlainMailbox(String email) {
		Account admin = activeAdmin();
		ApiClient.Response refused = as(admin.accessToken()).post("/api/v1/identity/members",
				Map.of("email", email, "name", "佐藤 一郎"));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
		assertThat(this.credentials.findByPartnerIdOrderByCreatedAtAsc(admin.partnerId())).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "佐藤\n一郎", "佐藤\u0000", "\u202e郎一 藤佐" })
	void aMemberNameIsOneLineWithoutControlsOrBidiOverrides(String name) {
		Account admin = activeAdmin();
		ApiClient.Response refused = as(admin.accessToken()).post("/api/v1/identity/members",
				Map.of("email", "ichiro@example.co.jp", "name", name));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
		assertThat(this.credentials.findByPartnerIdOrderByCreatedAtAsc(admin.partnerId())).hasSize(1);
	}
}
