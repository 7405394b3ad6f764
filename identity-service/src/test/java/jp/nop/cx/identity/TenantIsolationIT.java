package jp.nop.cx.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.test.ApiClient;
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
 * SPEC section 2: partner A's token never reads or changes partner B's IDs. Another company's
 * IDs are "not found", not "forbidden", so their existence is not confirmed either.
 * <p>
 * This service trusts only tokens it issued itself to IDs that are active, so every partner of
 * these tests, the intruder included, is made as production makes them and signs in.
 */
class TenantIsolationIT extends IdentityIT implements TenantIsolationContract {

	@Autowired
	private MongoTemplate store;

	/** The IDs of the partners this test made, by partner ID. */
	private final Map<String, Ids> partners = new HashMap<>();

	@Override
	public String victimWithData() {
		return partnerWithIds();
	}

	@Override
	public String anotherPartner(String victim) {
		return partnerWithIds();
	}

	@Override
	public List<Caller> partnerCallers(String partnerId) {
		Ids ids = this.partners.get(partnerId);
		return List.of(
				new Caller("PARTNER_ADMIN " + ids.admin().loginId() + " of " + partnerId, ids.admin().accessToken()),
				new Caller("PARTNER_MEMBER " + ids.member().loginId() + " of " + partnerId,
						ids.member().accessToken()));
	}

	@Override
	public ApiClient api() {
		return super.api();
	}

	@Override
	public List<Endpoint> partnerScopedEndpoints(String victim) {
		Ids ids = this.partners.get(victim);
		return List.of(
				Endpoint.delete("/api/v1/identity/members/" + ids.member().loginId(), "the victim's member ID"),
				Endpoint.post("/api/v1/identity/me/incidents",
						Map.of("type", "UNAUTHORIZED_USE", "loginIds", List.of(ids.member().loginId()), "detail",
								"他社のID"),
						"an incident naming the victim's member ID"),
				Endpoint.post("/api/v1/identity/me/incidents",
						Map.of("type", "LOST", "loginIds", List.of(ids.admin().loginId()), "detail", "他社の管理者ID"),
						"an incident naming the victim's administrator ID"),
				Endpoint.get("/internal/v1/partners/" + victim + "/export", "the victim's backup"),
				Endpoint.get("/api/v1/identity/members", "own company's IDs").answeringTheCaller(),
				Endpoint.post("/api/v1/identity/members",
						Map.of("email", "member-" + UUID.randomUUID() + "@example.co.jp", "name", "佐藤 一郎"),
						"a member ID of one's own company")
					.answeringTheCaller(),
				Endpoint.get("/api/v1/identity/me", "own ID").answeringTheCaller(),
				Endpoint.put("/api/v1/identity/me/password",
						Map.of("currentPassword", "当て推量のパスワード", "newPassword", "新しいパスワード-2026-xyz"),
						"changing one's own password")
					.answeringTheCaller(),
				Endpoint.post("/api/v1/identity/me/mfa", null, "enrolling one's own second factor").answeringTheCaller(),
				Endpoint.post("/api/v1/identity/me/mfa/confirmation", Map.of("code", "000000"),
						"confirming one's own second factor")
					.answeringTheCaller(),
				new Endpoint("DELETE", "/api/v1/identity/me/mfa", Map.of("code", "000000"),
						"removing one's own second factor", java.util.Set.of(403, 404), true));
	}

	@Override
	public List<Endpoint> operatorEndpoints(String victim) {
		Ids ids = this.partners.get(victim);
		return List.of(
				Endpoint.get("/api/v1/identity/credentials/" + ids.admin().loginId(), "the victim's administrator ID"),
				Endpoint.post("/api/v1/identity/credentials/" + ids.member().loginId() + "/reissue", null,
						"reissuing the victim's member ID"),
				Endpoint.get("/api/v1/identity/keys", "signing keys"),
				Endpoint.post("/api/v1/identity/keys/rotation", null, "key rotation"));
	}

	@Override
	public List<String> victimMarkers(String victim) {
		Ids ids = this.partners.get(victim);
		return List.of(victim, ids.admin().loginId(), ids.member().loginId());
	}

	/** The victim's IDs as stored (status, role, password hash, revocations), outbox aside. */
	@Override
	public Object victimSnapshot(String victim) {
		List<Document> credentials = this.store.find(
				Query.query(Criteria.where("partnerId").is(victim)).with(Sort.by("_id")), Document.class,
				"credentials");
		for (Document credential : credentials) {
			credential.remove(OutboxAggregate.OUTBOX_FIELD);
			// The relay's lease on the outbox comes and goes on its own too.
			credential.remove("_outboxLease");
		}
		return credentials;
	}

	@Test
	void aReportNamingOnesOwnIdAndAStrangersBlocksNeither() {
		String a = partnerWithIds();
		String b = partnerWithIds();
		Ids ofA = this.partners.get(a);
		Ids ofB = this.partners.get(b);

		assertThat(as(ofA.admin().accessToken()).post("/api/v1/identity/me/incidents",
				Map.of("type", "LOST", "loginIds", List.of(ofA.admin().loginId(), ofB.admin().loginId()), "detail",
						"混在"))
			.status()).isEqualTo(404);

		for (Account account : List.of(ofA.admin(), ofB.admin(), ofB.member())) {
			assertThat(signInResponse(account.loginId(), account.password()).status()).as(account.loginId())
				.isEqualTo(200);
		}
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

	/** A new partner whose administrator ID and one member ID are both active and signed in. */
	private String partnerWithIds() {
		Account admin = activeAdmin();
		this.partners.put(admin.partnerId(), new Ids(admin, activeMember(admin)));
		return admin.partnerId();
	}

	private record Ids(Account admin, Account member) {
	}
}
