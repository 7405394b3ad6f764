package jp.nop.cx.notification;

import java.util.Map;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC 5, strict input: wrong JSON types and unsafe text are refused, nothing is stored. */
class BadInputIT extends NotificationIT {

	private static final String WEBHOOK = "/api/v1/notifications/me/webhook";

	@ParameterizedTest
	@ValueSource(strings = { "{\"url\": 443}", "{\"url\": true}" })
	void aNumberOrABooleanIsNotAUrl(String body) {
		PartnerApproved partner = approvedPartner("株式会社厳格", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));
		ApiClient.Response refused = admin.put(WEBHOOK, body);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		assertThat(admin.get(WEBHOOK).status()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.example.jp/a\nb", "https://hooks.example.jp/\u202e" })
	void aUrlIsOneLine(String url) {
		PartnerApproved partner = approvedPartner("株式会社一行", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));
		ApiClient.Response refused = admin.put(WEBHOOK, Map.of("url", url));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
	}
}
