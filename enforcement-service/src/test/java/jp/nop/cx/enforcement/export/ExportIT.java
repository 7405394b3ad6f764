package jp.nop.cx.enforcement.export;

import java.util.Map;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 5, 6: the enforcement part of a partner's backup, for the partner itself only. */
class ExportIT extends EnforcementIT {

	@Test
	void aPartnerExportsItsCasesAsItMaySeeThem() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		impose(caseId, Map.of("type", "WARNING", "note", "是正をお願いします。"));
		operator().post("/api/v1/enforcement/cases/" + caseId + "/damage-claims",
				Map.of("amount", 300000, "description", "調査費用"));

		ApiClient.Response export = partnerAdmin(partnerId).get("/internal/v1/partners/" + partnerId + "/export");

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.text("partnerId")).isEqualTo(partnerId);
		assertThat(export.json().path("standing").path("status").asString()).isEqualTo("WARNED");
		JsonNode kase = export.json().path("cases").get(0);
		assertThat(kase.path("id").asString()).isEqualTo(caseId);
		assertThat(kase.path("category").asString()).isEqualTo("TERMS_VIOLATION");
		assertThat(kase.path("measures").get(0).path("note").asString()).isEqualTo("是正をお願いします。");
		assertThat(kase.path("damageClaims").get(0).path("amount").asLong()).isEqualTo(300000);
		// NOP's investigation material and its staff's login IDs stay with NOP.
		assertThat(kase.has("evidence")).isFalse();
		assertThat(kase.has("description")).isFalse();
		assertThat(export.raw()).doesNotContain("operator").doesNotContain("アクセスログ");
	}

	@Test
	void anotherPartnersExportIsNotFoundAndTheOperatorMayReadAny() {
		String partnerId = approvedPartner();
		openCase(partnerId);

		ApiClient.Response foreign = partnerAdmin("p-someone-else").get("/internal/v1/partners/" + partnerId + "/export");
		ApiClient.Response asOperator = operator().get("/internal/v1/partners/" + partnerId + "/export");

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.raw()).doesNotContain("TERMS_VIOLATION");
		assertThat(asOperator.status()).isEqualTo(200);
		assertThat(asOperator.json().path("cases")).hasSize(1);
		assertThat(anonymous().get("/internal/v1/partners/" + partnerId + "/export").status()).isEqualTo(401);
	}
}
