package jp.nop.cx.registration;

import java.util.List;
import java.util.Map;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 2: a partner's token never reads or changes another partner's data, and never
 * does what only NOP may do; the service checks it itself, whatever the gateway does.
 */
class TenantIsolationIT extends RegistrationIntegrationTest {

	private String victim;

	private String applicationId;

	private String transferId;

	private Document before;

	@BeforeEach
	void aPartnerWithAPendingTransfer() {
		this.applicationId = apply(newCorporateNumber());
		this.victim = approve(this.applicationId);
		this.transferId = partnerAdmin(this.victim)
			.post("/api/v1/partners/me/transfers", Map.of("transferee", Map.of("company",
					Map.of("name", "株式会社譲受", "corporateNumber", newCorporateNumber(), "postalCode", "530-0001",
							"address", "大阪府大阪市北区梅田1-1"),
					"contact", Map.of("name", "田中 次郎", "email", "tanaka@joju.example.jp", "phone", "06-1234-5678")),
					"reason", "事業譲渡のため"))
			.text("id");
		this.before = storedPartner(this.victim);
	}

	@Test
	void anotherPartnersTokenOnEveryPartnerEndpointFindsNothingOfTheVictimsAndChangesNothing() {
		String intruder = "intruder-" + this.victim;
		for (ApiClient caller : List.of(partnerAdmin(intruder), partnerMember(intruder))) {
			assertThat(caller.get("/api/v1/partners/me").status()).isIn(403, 404);
			assertThat(caller.patch("/api/v1/partners/me", Map.of("contact", Map.of("name", "乗っ取り"))).status())
				.isIn(403, 404);
			assertThat(caller.post("/api/v1/partners/me/termination", Map.of("effectiveOn", "2099-01-01")).status())
				.isIn(403, 404);
			assertThat(caller.delete("/api/v1/partners/me/termination").status()).isIn(403, 404);
			assertThat(caller.get("/api/v1/partners/me/transfers").status()).isIn(403, 404);
			assertThat(caller.post("/api/v1/partners/me/transfers", Map.of("transferee", Map.of(), "reason", "x"))
				.status()).isIn(403, 404, 422);
			assertThat(caller.get("/api/v1/partners/me/export").status()).isIn(403, 404);
		}
		assertUnchanged();
	}

	@Test
	void aPartnerTokenOnEveryOperatorEndpointIs403AndChangesNothing() {
		String other = approvedPartner();
		for (ApiClient caller : List.of(partnerAdmin(other), partnerMember(other), partnerAdmin(this.victim))) {
			assertThat(caller.get("/api/v1/registrations").status()).isEqualTo(403);
			assertThat(caller.get("/api/v1/registrations/" + this.applicationId).status()).isEqualTo(403);
			assertThat(caller.post("/api/v1/registrations/" + this.applicationId + "/approval", "{}").status())
				.isEqualTo(403);
			assertThat(caller.post("/api/v1/registrations/" + this.applicationId + "/rejection",
					Map.of("reason", "x")).status()).isEqualTo(403);
			assertThat(caller.get("/api/v1/partners").status()).isEqualTo(403);
			assertThat(caller.get("/api/v1/partners/" + this.victim).status()).isEqualTo(403);
			assertThat(caller.post("/api/v1/partners/" + this.victim + "/termination",
					Map.of("effectiveOn", "2099-01-01", "reason", "x")).status()).isEqualTo(403);
			assertThat(caller.delete("/api/v1/partners/" + this.victim + "/termination").status()).isEqualTo(403);
			assertThat(caller.get("/api/v1/transfers").status()).isEqualTo(403);
			assertThat(caller.get("/api/v1/transfers/" + this.transferId).status()).isEqualTo(403);
			assertThat(caller.post("/api/v1/transfers/" + this.transferId + "/consent", "{}").status()).isEqualTo(403);
			assertThat(caller.post("/api/v1/transfers/" + this.transferId + "/refusal", "{}").status()).isEqualTo(403);
		}
		assertUnchanged();
	}

	@Test
	void aPartnerRoleWithoutAPartnerIsRefused() {
		ApiClient noPartner = ApiClient.at(this.port)
			.as(TestTokens.token("someone", null, List.of("PARTNER_ADMIN"), java.time.Duration.ofMinutes(5)));
		assertThat(noPartner.get("/api/v1/partners/me").status()).isEqualTo(403);
		assertThat(noPartner.get("/api/v1/partners/me/export").status()).isEqualTo(403);
		assertUnchanged();
	}

	@Test
	void operatorsAreNotPartners() {
		assertThat(operator().get("/api/v1/partners/me").status()).isEqualTo(403);
		assertThat(operator().patch("/api/v1/partners/me", Map.of("contact", Map.of("name", "x"))).status())
			.isEqualTo(403);
		assertUnchanged();
	}

	@Test
	void withoutAValidTokenOnlyApplyingIsOpen() {
		for (ApiClient caller : List.of(anonymous(), ApiClient.at(this.port).as(TestTokens.expired(this.victim)),
				ApiClient.at(this.port).as(TestTokens.signedWithForeignKey(this.victim)),
				ApiClient.at(this.port).as(TestTokens.unsigned(this.victim)))) {
			assertThat(caller.get("/api/v1/partners/me").status()).isEqualTo(401);
			assertThat(caller.get("/api/v1/partners/me/export").status()).isEqualTo(401);
			assertThat(caller.get("/api/v1/registrations").status()).isEqualTo(401);
			assertThat(caller.post("/api/v1/registrations/" + this.applicationId + "/approval", "{}").status())
				.isEqualTo(401);
			assertThat(caller.post("/api/v1/transfers/" + this.transferId + "/consent", "{}").status()).isEqualTo(401);
		}
		assertUnchanged();
	}

	private void assertUnchanged() {
		Document now = storedPartner(this.victim);
		assertThat(now.get("version")).isEqualTo(this.before.get("version"));
		assertThat(now.get("company")).isEqualTo(this.before.get("company"));
		assertThat(now.get("contact")).isEqualTo(this.before.get("contact"));
		assertThat(now.getString("status")).isEqualTo("APPROVED");
		assertThat(now.getList("transfers", Document.class).get(0).getString("status")).isEqualTo("REQUESTED");
	}
}
