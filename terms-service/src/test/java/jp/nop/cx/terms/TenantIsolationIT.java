package jp.nop.cx.terms;

import java.util.Map;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner sees only its own acceptances; operator functions are the operator's; reads are public. */
class TenantIsolationIT extends TermsServiceIntegrationTest {

	@Test
	void anotherPartnersTokenSeesNothingOfAPartnersAcceptances() {
		String partnerA = newPartnerId();
		String partnerB = newPartnerId();
		String current = anonymous().get("/api/v1/terms/current").text("version");
		assertThat(partnerAdmin(partnerA).post("/api/v1/terms/acceptances", Map.of("version", current)).status())
			.isEqualTo(201);

		assertThat(partnerAdmin(partnerB).get("/api/v1/terms/acceptances/me").json().path("items")).isEmpty();
		ApiClient.Response foreignExport = partnerAdmin(partnerB).get("/internal/v1/partners/" + partnerA + "/export");
		PublicationBadInputIT.assertProblem(foreignExport, 404, "not-found");

		ApiClient.Response ownExport = partnerAdmin(partnerA).get("/internal/v1/partners/" + partnerA + "/export");
		assertThat(ownExport.status()).isEqualTo(200);
		assertThat(ownExport.text("partnerId")).isEqualTo(partnerA);
		assertThat(ownExport.json().path("acceptances")).singleElement()
			.satisfies((a) -> assertThat(a.path("version").asString()).isEqualTo(current));
		assertThat(ApiClient.at(this.port)
			.as(TestTokens.partnerMember(partnerA))
			.get("/api/v1/terms/acceptances/me")
			.json()
			.path("items")).hasSize(1);
		assertThat(operator().get("/internal/v1/partners/" + partnerA + "/export").json().path("acceptances"))
			.hasSize(1);
		PublicationBadInputIT.assertProblem(anonymous().get("/internal/v1/partners/" + partnerA + "/export"), 401,
				"unauthenticated");
	}

	@Test
	void partnerTokensCannotUseOperatorFunctions() {
		String partner = newPartnerId();
		ApiClient admin = partnerAdmin(partner);
		ApiClient member = ApiClient.at(this.port).as(TestTokens.partnerMember(partner));

		PublicationBadInputIT.assertProblem(
				admin.post("/api/v1/terms/versions", version(newVersion("p"), freshEpoch(), "本文\n")), 403,
				"forbidden");
		PublicationBadInputIT.assertProblem(
				admin.post("/api/v1/terms/supplements", supplement("webhooks", newVersion("p"), freshEpoch(), "本文\n")),
				403, "forbidden");
		PublicationBadInputIT.assertProblem(admin.get("/api/v1/terms/compliance"), 403, "forbidden");
		PublicationBadInputIT.assertProblem(member.get("/api/v1/terms/compliance"), 403, "forbidden");
		PublicationBadInputIT.assertProblem(
				anonymous().post("/api/v1/terms/versions", version(newVersion("p"), freshEpoch(), "本文\n")), 401,
				"unauthenticated");
	}

	@Test
	void acceptancesArePartnersOwnAndNotTheOperators() {
		PublicationBadInputIT.assertProblem(operator().get("/api/v1/terms/acceptances/me"), 403, "forbidden");
		PublicationBadInputIT.assertProblem(operator().post("/api/v1/terms/acceptances", Map.of("version", "1")), 403,
				"forbidden");
		PublicationBadInputIT.assertProblem(anonymous().get("/api/v1/terms/acceptances/me"), 401, "unauthenticated");
		PublicationBadInputIT.assertProblem(
				ApiClient.at(this.port).as(TestTokens.signedWithForeignKey("p-x")).get("/api/v1/terms/acceptances/me"),
				401, "unauthenticated");
	}

	@Test
	void publishedTermsAreReadableByAnyone() {
		for (String path : new String[] { "/api/v1/terms/current", "/api/v1/terms/versions", "/api/v1/terms/versions/1",
				"/api/v1/terms/effective", "/api/v1/terms/supplements" }) {
			assertThat(anonymous().get(path).status()).as(path).isEqualTo(200);
		}
	}
}
