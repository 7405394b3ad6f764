package jp.nop.cx.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 17: the partner's status passes to a third party only with NOP's consent. */
class TransferIT extends RegistrationIntegrationTest {

	@Test
	void nothingMovesUntilNopConsentsThenTheRegistrationIsTheTransferees() {
		String oldNumber = newCorporateNumber();
		String partnerId = approve(apply(oldNumber));
		String newNumber = newCorporateNumber();

		ApiClient.Response requested = partnerAdmin(partnerId).post("/api/v1/partners/me/transfers",
				transfer(newNumber));
		assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
		assertThat(requested.text("status")).isEqualTo("REQUESTED");
		String transferId = requested.text("id");
		TopicProbe.Event request = TopicProbe.await("partner-transfer-requested",
				(e) -> partnerId.equals(e.key()) && transferId.equals(e.body().path("transferId").asString()));
		assertThat(request.ceType()).isEqualTo(EventType.PARTNER_TRANSFER_REQUESTED.ceType());
		assertThat(request.body().path("companyName").asString()).isEqualTo("株式会社テスト商事");
		assertThat(request.body().path("transfereeCompanyName").asString()).isEqualTo("株式会社譲受ホールディングス");
		assertThat(request.body().path("transfereeCorporateNumber").asString()).isEqualTo(newNumber);
		assertThat(request.body().path("reason").asString()).isEqualTo("事業譲渡に伴い、本規約上の地位を譲渡するため");
		assertThat(partnerAdmin(partnerId).get("/api/v1/partners/me").json().path("company").path("corporateNumber")
			.asString()).isEqualTo(oldNumber);
		assertThat(ids(operator().get("/api/v1/transfers?status=REQUESTED&size=100"))).contains(transferId);
		assertThat(partnerMember(partnerId).get("/api/v1/partners/me/transfers").json().path("items").get(0)
			.path("id").asString()).isEqualTo(transferId);

		ApiClient.Response consented = operator().post("/api/v1/transfers/" + transferId + "/consent", "{}");
		assertThat(consented.status()).as(consented.toString()).isEqualTo(200);
		assertThat(consented.text("status")).isEqualTo("CONSENTED");
		assertThat(consented.json().path("transferor").path("corporateNumber").asString()).isEqualTo(oldNumber);

		ApiClient.Response me = partnerAdmin(partnerId).get("/api/v1/partners/me");
		assertThat(me.text("partnerId")).isEqualTo(partnerId);
		assertThat(me.json().path("company").path("name").asString()).isEqualTo("株式会社譲受ホールディングス");
		assertThat(me.json().path("company").path("corporateNumber").asString()).isEqualTo(newNumber);
		assertThat(me.json().path("contact").path("email").asString()).isEqualTo("tanaka@joju.example.jp");
		assertThat(me.json().path("representative").path("name").asString()).isEqualTo("田中 次郎");

		TopicProbe.Event event = TopicProbe.await("partner-transferred", (e) -> partnerId.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.PARTNER_TRANSFERRED.ceType());
		assertThat(event.body().path("transferId").asString()).isEqualTo(transferId);
		assertThat(event.body().path("previousCompanyName").asString()).isEqualTo("株式会社テスト商事");
		assertThat(event.body().path("previousContactEmail").asString()).isEqualTo("sato@example.co.jp");
		assertThat(event.body().path("companyName").asString()).isEqualTo("株式会社譲受ホールディングス");
		assertThat(event.body().path("corporateNumber").asString()).isEqualTo(newNumber);
		assertThat(event.body().path("contactName").asString()).isEqualTo("田中 次郎");
		assertThat(event.body().path("contactEmail").asString()).isEqualTo("tanaka@joju.example.jp");

		ApiClient.Response twice = operator().post("/api/v1/transfers/" + transferId + "/refusal", "{}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("type")).endsWith("/transfer-already-decided");

		// The transferor's number is free again; the transferee's is now taken.
		assertThat(anonymous().post("/api/v1/registrations", application(newNumber)).status()).isEqualTo(409);
		assertThat(anonymous().post("/api/v1/registrations", application(oldNumber)).status()).isEqualTo(201);
	}

	@Test
	void aRefusedTransferLeavesThePartnerAsItWas() {
		String partnerId = approvedPartner();
		Document before = storedPartner(partnerId);
		String transferId = partnerAdmin(partnerId).post("/api/v1/partners/me/transfers", transfer(newCorporateNumber()))
			.text("id");

		ApiClient.Response refused = operator().post("/api/v1/transfers/" + transferId + "/refusal",
				Map.of("reason", "書面による承諾の申請がありません"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("status")).isEqualTo("REFUSED");
		assertThat(refused.json().path("decision").path("reason").asString()).isEqualTo("書面による承諾の申請がありません");
		assertThat(operator().post("/api/v1/transfers/" + transferId + "/consent", "{}").status()).isEqualTo(409);
		assertThat(storedPartner(partnerId).get("company")).isEqualTo(before.get("company"));
		assertThat(TopicProbe.all("partner-transferred", (e) -> partnerId.equals(e.key()))).isEmpty();
		// Art. 17: the refusal goes out with NOP's reason, so the partner hears of it.
		TopicProbe.Event refusal = TopicProbe.await("partner-transfer-refused", (e) -> partnerId.equals(e.key()));
		assertThat(refusal.ceType()).isEqualTo(EventType.PARTNER_TRANSFER_REFUSED.ceType());
		assertThat(refusal.body().path("transferId").asString()).isEqualTo(transferId);
		assertThat(refusal.body().path("reason").asString()).isEqualTo("書面による承諾の申請がありません");
		assertThat(refusal.body().path("transfereeCompanyName").asString()).isEqualTo("株式会社譲受ホールディングス");
		assertThat(TopicProbe.all("partner-transfer-refused", (e) -> partnerId.equals(e.key()))).hasSize(1);
		assertThat(ids(operator().get("/api/v1/transfers?status=REFUSED&size=100"))).contains(transferId);
	}

	@Test
	void aTransferToACompanyAlreadyRegisteredIsRefusedAtOnce() {
		String partnerId = approvedPartner();
		String otherNumber = newCorporateNumber();
		approve(apply(otherNumber));
		ApiClient.Response answer = partnerAdmin(partnerId).post("/api/v1/partners/me/transfers", transfer(otherNumber));
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.text("type")).endsWith("/corporate-number-registered");
		assertThat(operator().get("/api/v1/partners/" + partnerId).status()).isEqualTo(200);
		assertThat(storedPartner(partnerId).getList("transfers", Document.class)).isEmpty();
	}

	@Test
	void oneRequestAtATimeByTheAdministratorOnly() {
		String partnerId = approvedPartner();
		assertThat(partnerMember(partnerId).post("/api/v1/partners/me/transfers", transfer(newCorporateNumber()))
			.status()).isEqualTo(403);
		assertThat(partnerAdmin(partnerId).post("/api/v1/partners/me/transfers", transfer(newCorporateNumber()))
			.status()).isEqualTo(201);
		ApiClient.Response second = partnerAdmin(partnerId).post("/api/v1/partners/me/transfers",
				transfer(newCorporateNumber()));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.text("type")).endsWith("/transfer-pending");
	}

	@Test
	void anIncompleteTransfereeIsRefusedAndNothingIsStored() {
		String partnerId = approvedPartner();
		Map<String, Object> body = transfer("1234567890123");
		body.put("reason", "");
		ApiClient.Response answer = partnerAdmin(partnerId).post("/api/v1/partners/me/transfers", body);
		assertThat(answer.status()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		answer.json().path("errors").forEach((e) -> fields.add(e.path("field").asString()));
		assertThat(fields).contains("reason", "transferee.company.corporateNumber");
		assertThat(storedPartner(partnerId).getList("transfers", Document.class)).isEmpty();
		assertThat(operator().get("/api/v1/transfers/no-such-transfer").status()).isEqualTo(404);
		assertThat(operator().post("/api/v1/transfers/no-such-transfer/consent", "{}").status()).isEqualTo(404);
	}

	private static Map<String, Object> transfer(String corporateNumber) {
		Map<String, Object> transferee = new LinkedHashMap<>();
		transferee.put("company", Map.of("name", "株式会社譲受ホールディングス", "corporateNumber", corporateNumber,
				"postalCode", "530-0001", "address", "大阪府大阪市北区梅田1-1-1"));
		transferee.put("representative", Map.of("name", "田中 次郎", "title", "代表取締役社長"));
		transferee.put("contact", Map.of("name", "田中 次郎", "email", "tanaka@joju.example.jp", "phone", "06-1234-5678"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("transferee", transferee);
		body.put("reason", "事業譲渡に伴い、本規約上の地位を譲渡するため");
		return body;
	}

	private static List<String> ids(ApiClient.Response listing) {
		List<String> ids = new ArrayList<>();
		listing.json().path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}
}
