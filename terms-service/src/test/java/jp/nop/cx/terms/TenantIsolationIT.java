package jp.nop.cx.terms;

import java.util.List;
import java.util.Map;

import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.tenancy.Endpoint;
import jp.nop.cx.test.tenancy.TenantIsolationContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner sees only its own acceptances, and its backup is its own; operator functions are the
 * operator's; the published terms are public.
 */
class TenantIsolationIT extends TermsServiceIntegrationTest implements TenantIsolationContract {

	@Autowired
	private MongoTemplate mongo;

	/** A partner that accepted the terms in force. */
	@Override
	public String victimWithData() {
		String victim = newPartnerId();
		ApiClient.Response accepted = partnerAdmin(victim).post("/api/v1/terms/acceptances",
				Map.of("version", currentVersion()));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
		return victim;
	}

	@Override
	public ApiClient api() {
		return anonymous();
	}

	@Override
	public List<Endpoint> partnerScopedEndpoints(String victim) {
		return List.of(Endpoint.get("/internal/v1/partners/" + victim + "/export", "the victim's backup"),
				Endpoint.get("/api/v1/terms/acceptances/me", "own acceptances").answeringTheCaller(),
				Endpoint.post("/api/v1/terms/acceptances", Map.of("version", currentVersion()),
						"acceptance for one's own partner")
					.answeringTheCaller());
	}

	@Override
	public List<Endpoint> operatorEndpoints(String victim) {
		return List.of(
				Endpoint.post("/api/v1/terms/versions", version(newVersion("p"), freshEpoch(), "本文\n"),
						"publication of a version"),
				Endpoint.post("/api/v1/terms/supplements",
						supplement("webhooks", newVersion("p"), freshEpoch(), "本文\n"), "publication of a supplement"),
				Endpoint.get("/api/v1/terms/compliance", "compliance overview"));
	}

	/** The victim's acceptances as stored, outbox aside. */
	@Override
	public Object victimSnapshot(String victim) {
		List<Document> acceptances = this.mongo.find(
				Query.query(Criteria.where("partnerId").is(victim)).with(Sort.by("_id")), Document.class,
				"terms_acceptances");
		for (Document acceptance : acceptances) {
			acceptance.remove(OutboxAggregate.OUTBOX_FIELD);
			// The relay's lease on the outbox comes and goes on its own too.
			acceptance.remove("_outboxLease");
		}
		return acceptances;
	}

	@Test
	void aPartnersOwnTokensAndTheOperatorReadItsAcceptances() {
		String partner = victimWithData();

		ApiClient.Response ownExport = partnerAdmin(partner).get("/internal/v1/partners/" + partner + "/export");
		assertThat(ownExport.status()).isEqualTo(200);
		assertThat(ownExport.text("partnerId")).isEqualTo(partner);
		assertThat(ownExport.json().path("acceptances")).singleElement()
			.satisfies((a) -> assertThat(a.path("version").asString()).isEqualTo(currentVersion()));
		assertThat(anonymous().as(TestTokens.partnerMember(partner))
			.get("/api/v1/terms/acceptances/me")
			.json()
			.path("items")).hasSize(1);
		assertThat(operator().get("/internal/v1/partners/" + partner + "/export").json().path("acceptances"))
			.hasSize(1);
	}

	@Test
	void acceptancesArePartnersOwnAndNotTheOperators() {
		PublicationBadInputIT.assertProblem(operator().get("/api/v1/terms/acceptances/me"), 403, "forbidden");
		PublicationBadInputIT.assertProblem(operator().post("/api/v1/terms/acceptances", Map.of("version", "1")), 403,
				"forbidden");
	}

	@Test
	void publishedTermsAreReadableByAnyone() {
		for (String path : new String[] { "/api/v1/terms/current", "/api/v1/terms/versions", "/api/v1/terms/versions/1",
				"/api/v1/terms/effective", "/api/v1/terms/supplements" }) {
			assertThat(anonymous().get(path).status()).as(path).isEqualTo(200);
		}
	}

	private String currentVersion() {
		return anonymous().get("/api/v1/terms/current").text("version");
	}
}
