package jp.nop.cx.registration;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration information (Art. 3): the partner reads and keeps it current; NOP finds partners by it. */
class ProfileIT extends RegistrationIntegrationTest {

	@Test
	void thePartnersIdsReadTheirOwnRegistration() {
		String partnerId = approvedPartner();
		for (ApiClient caller : new ApiClient[] { partnerAdmin(partnerId), partnerMember(partnerId) }) {
			ApiClient.Response me = caller.get("/api/v1/partners/me");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.text("partnerId")).isEqualTo(partnerId);
			assertThat(me.text("status")).isEqualTo("ACTIVE");
			assertThat(me.json().path("company").path("name").asString()).isEqualTo("株式会社テスト商事");
			assertThat(me.json().path("representative").path("title").asString()).isEqualTo("代表取締役");
			assertThat(me.json().path("contact").path("email").asString()).isEqualTo("sato@example.co.jp");
			assertThat(me.text("preferredLanguage")).isEqualTo("ja");
			assertThat(me.text("termsVersion")).isEqualTo("1");
		}
	}

	@Test
	void theAdministratorChangesTheRegistrationAndItIsAnnounced() {
		String partnerId = approvedPartner();
		ApiClient.Response changed = partnerAdmin(partnerId).patch("/api/v1/partners/me",
				Map.of("contact", Map.of("name", "鈴木 一郎", "email", "Suzuki@Example.co.jp"), "preferredLanguage", "en",
						"company", Map.of("address", "東京都港区芝公園4-2-8")));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("contact").path("name").asString()).isEqualTo("鈴木 一郎");
		assertThat(changed.json().path("contact").path("email").asString()).isEqualTo("Suzuki@example.co.jp");
		assertThat(changed.json().path("contact").path("phone").asString()).isEqualTo("03-1234-5678");
		assertThat(changed.json().path("company").path("name").asString()).isEqualTo("株式会社テスト商事");
		assertThat(changed.json().path("company").path("address").asString()).isEqualTo("東京都港区芝公園4-2-8");

		TopicProbe.Event event = TopicProbe.await("partner-updated", (e) -> partnerId.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.PARTNER_UPDATED.ceType());
		assertThat(event.body().path("contactEmail").asString()).isEqualTo("Suzuki@example.co.jp");
		assertThat(event.body().path("preferredLanguage").asString()).isEqualTo("en");
		assertThat(event.body().path("updatedBy").asString()).isEqualTo("admin-" + partnerId);
		assertThat(partnerAdmin(partnerId).get("/api/v1/partners/me").text("preferredLanguage")).isEqualTo("en");
	}

	@Test
	void theCorporateNumberMaySendUnchangedButNeverChanges() {
		String number = newCorporateNumber();
		String partnerId = approve(apply(number));
		ApiClient.Response same = partnerAdmin(partnerId).patch("/api/v1/partners/me",
				Map.of("company", Map.of("corporateNumber", toFullWidth(number), "name", "株式会社テスト商事ホールディングス")));
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		Document before = storedPartner(partnerId);

		ApiClient.Response other = partnerAdmin(partnerId).patch("/api/v1/partners/me",
				Map.of("company", Map.of("corporateNumber", newCorporateNumber(), "name", "別会社")));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.text("type")).endsWith("/corporate-number-immutable");
		assertThat(other.json().path("errors").get(0).path("field").asString()).isEqualTo("company.corporateNumber");
		Document after = storedPartner(partnerId);
		assertThat(after.get("version")).isEqualTo(before.get("version"));
		assertThat(after.get("company", Document.class).getString("name")).isEqualTo("株式会社テスト商事ホールディングス");
	}

	@Test
	void onlyTheAdministratorChangesTheRegistration() {
		String partnerId = approvedPartner();
		Document before = storedPartner(partnerId);
		ApiClient.Response member = partnerMember(partnerId).patch("/api/v1/partners/me",
				Map.of("contact", Map.of("name", "メンバー")));
		assertThat(member.status()).isEqualTo(403);
		assertThat(storedPartner(partnerId).get("version")).isEqualTo(before.get("version"));
	}

	@Test
	void invalidChangesAreRefusedWhole() {
		String partnerId = approvedPartner();
		Document before = storedPartner(partnerId);
		ApiClient.Response answer = partnerAdmin(partnerId).patch("/api/v1/partners/me",
				Map.of("contact", Map.of("name", "", "email", "not-an-address"), "company", Map.of("postalCode", "12")));
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().path("errors").size()).isEqualTo(3);
		assertThat(storedPartner(partnerId).get("version")).isEqualTo(before.get("version"));
	}

	@Test
	void operatorsFindPartnersByNameWhateverTheWidthByNumberAndByStatus() {
		String token = randomLetters();
		String number = newCorporateNumber();
		Map<String, Object> body = application(number);
		@SuppressWarnings("unchecked")
		Map<String, Object> company = (Map<String, Object>) body.get("company");
		company.put("name", "株式会社" + token + "テクノロジー");
		ApiClient.Response created = anonymous().post("/api/v1/registrations", body);
		String partnerId = approve(created.text("id"));

		ApiClient.Response byName = operator().get("/api/v1/partners?q=" + toFullWidth(token.toLowerCase()));
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.json().path("total").asLong()).isEqualTo(1);
		assertThat(byName.json().path("items").get(0).path("partnerId").asString()).isEqualTo(partnerId);

		ApiClient.Response byNumber = operator().get("/api/v1/partners?corporateNumber=" + number);
		assertThat(byNumber.json().path("items").get(0).path("partnerId").asString()).isEqualTo(partnerId);

		assertThat(operator().get("/api/v1/partners?status=TERMINATED&corporateNumber=" + number)
			.json()
			.path("total")
			.asLong()).isZero();
		assertThat(operator().get("/api/v1/partners?status=ACTIVE&corporateNumber=" + number)
			.json()
			.path("total")
			.asLong()).isEqualTo(1);
		assertThat(operator().get("/api/v1/partners/" + partnerId).text("partnerId")).isEqualTo(partnerId);
		assertThat(operator().get("/api/v1/partners/no-such-partner").status()).isEqualTo(404);
	}

	@Test
	void aSearchIsTextNeverAPatternOrAnOperator() {
		approvedPartner();
		assertThat(operator().get("/api/v1/partners?q=.*").json().path("total").asLong()).isZero();
		assertThat(operator().get("/api/v1/partners?q=%7B%22%24gt%22%3A%22%22%7D").json().path("total").asLong())
			.isZero();
		assertThat(operator().get("/api/v1/partners?status=SUBMITTED").status()).isEqualTo(400);
	}

	private static String randomLetters() {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

	private static String toFullWidth(String text) {
		StringBuilder wide = new StringBuilder();
		text.chars().forEach((c) -> wide.append((char) (c - 0x21 + 0xFF01)));
		return wide.toString();
	}
}
