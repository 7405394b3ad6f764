package jp.nop.cx.enforcement;

import java.util.List;
import java.util.Map;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners read only their own standing and export; every operator endpoint refuses them (403),
 * and everything but the public service status refuses the anonymous (401).
 */
class TenantIsolationIT extends EnforcementIT {

	private record Call(String method, String path, Object body) {
	}

	@Test
	void partnerTokensAreRefusedOnEveryOperatorEndpoint() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		String eventId = operator().post("/api/v1/service-status/events", Map.of("kind", "MAINTENANCE", "reason",
				"MAINTENANCE", "scope", Map.of("all", true), "startsAt", this.clock.instant().plusSeconds(3600).toString()))
			.text("id");
		List<Call> operatorOnly = List.of(new Call("GET", "/api/v1/enforcement/cases", null),
				new Call("GET", "/api/v1/enforcement/cases?partnerId=" + partnerId, null),
				new Call("POST", "/api/v1/enforcement/cases",
						Map.of("partnerId", partnerId, "category", "MALWARE", "description", "自作自演")),
				new Call("GET", "/api/v1/enforcement/cases/" + caseId, null),
				new Call("POST", "/api/v1/enforcement/cases/" + caseId + "/measures", Map.of("type", "WARNING", "note", "x")),
				new Call("POST", "/api/v1/enforcement/cases/" + caseId + "/damage-claims",
						Map.of("amount", 1, "description", "x")),
				new Call("POST", "/api/v1/enforcement/cases/" + caseId + "/resolution", Map.of("note", "自分で解決")),
				new Call("GET", "/api/v1/enforcement/partners/" + partnerId + "/standing", null),
				new Call("GET", "/api/v1/service-status/events", null),
				new Call("GET", "/api/v1/service-status/events/" + eventId, null),
				new Call("POST", "/api/v1/service-status/events",
						Map.of("kind", "MAINTENANCE", "reason", "MAINTENANCE", "scope", Map.of("all", true), "startsAt",
								this.clock.instant().plusSeconds(3600).toString())),
				new Call("POST", "/api/v1/service-status/events/" + eventId + "/end", null));

		for (Call call : operatorOnly) {
			for (ApiClient partner : List.of(partnerAdmin(partnerId), partnerMember(partnerId))) {
				ApiClient.Response response = partner.send(call.method(), call.path(), call.body());
				assertThat(response.status()).as(call + " → " + response).isEqualTo(403);
				assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			}
			assertThat(anonymous().send(call.method(), call.path(), call.body()).status()).as(call.toString())
				.isEqualTo(401);
		}
		ApiClient.Response kase = operator().get("/api/v1/enforcement/cases/" + caseId);
		assertThat(kase.json().path("measures")).isEmpty();
		assertThat(kase.text("status")).isEqualTo("OPEN");
		assertThat(operator().get("/api/v1/service-status/events/" + eventId).text("state")).isEqualTo("SCHEDULED");
	}

	@Test
	void aPartnerSeesOnlyItsOwnStanding() {
		String suspended = approvedPartner();
		String other = approvedPartner();
		String caseId = openCase(suspended);
		impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面停止"));

		ApiClient.Response own = partnerMember(suspended).get("/api/v1/enforcement/me/standing");
		ApiClient.Response others = partnerAdmin(other).get("/api/v1/enforcement/me/standing");

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.text("partnerId")).isEqualTo(suspended);
		assertThat(own.text("status")).isEqualTo("SUSPENDED");
		assertThat(own.json().path("activeMeasures").get(0).path("note").asString()).isEqualTo("全面停止");
		assertThat(others.text("partnerId")).isEqualTo(other);
		assertThat(others.text("status")).isEqualTo("GOOD");
		assertThat(operator().get("/api/v1/enforcement/me/standing").status()).isEqualTo(403);
		assertThat(anonymous().get("/api/v1/enforcement/me/standing").status()).isEqualTo(401);
	}

	@Test
	void aPartnerNotYetKnownHereIsInGoodStanding() {
		ApiClient.Response standing = partnerAdmin("p-just-approved").get("/api/v1/enforcement/me/standing");

		assertThat(standing.status()).isEqualTo(200);
		assertThat(standing.text("status")).isEqualTo("GOOD");
		assertThat(standing.json().path("activeMeasures")).isEmpty();
	}

	@Test
	void forgedOrExpiredTokensAreRefused() {
		for (String token : List.of(TestTokens.expired("p-1"), TestTokens.signedWithForeignKey("p-1"),
				TestTokens.unsigned("p-1"))) {
			assertThat(ApiClient.at(this.port).as(token).get("/api/v1/enforcement/me/standing").status())
				.isEqualTo(401);
		}
	}
}
