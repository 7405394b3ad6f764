package jp.nop.cx.identity.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.nop.cx.events.EventType;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 4.2: the administrator creates and removes its company's member IDs; members administer nothing. */
class MemberIT extends IdentityIT {

	@Autowired
	CredentialRepository credentials;

	@Test
	void adminCreatesAMemberWhoGetsAnActivationLinkByMail() {
		Account admin = activeAdmin();
		ApiClient.Response created = as(admin.accessToken()).post("/api/v1/identity/members",
				Map.of("email", "ichiro.sato@example.co.jp", "name", "佐藤 一郎"));

		assertThat(created.status()).isEqualTo(201);
		String loginId = created.text("loginId");
		assertThat(loginId).matches("cx-[a-z0-9]{8}");
		assertThat(created.text("role")).isEqualTo("PARTNER_MEMBER");
		assertThat(created.text("status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(created.header("Location")).isEqualTo("/api/v1/identity/members/" + loginId);

		TopicProbe.Event issued = TopicProbe.await(EventType.CREDENTIAL_ISSUED.topic(),
				(e) -> loginId.equals(e.body().path("loginId").asString()));
		assertThat(issued.key()).isEqualTo(admin.partnerId());
		assertThat(issued.body().path("purpose").asString()).isEqualTo("MEMBER_CREATED");
		assertThat(issued.body().path("role").asString()).isEqualTo("PARTNER_MEMBER");
		assertThat(issued.body().path("email").asString()).isEqualTo("ichiro.sato@example.co.jp");
		assertThat(issued.body().path("preferredLanguage").asString()).isEqualTo("ja");
	}

	@Test
	void adminListsItsOwnCompanysIds() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);
		activeMember(activeAdmin());

		ApiClient.Response list = as(admin.accessToken()).get("/api/v1/identity/members");
		assertThat(list.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		list.json().path("items").forEach((item) -> {
			ids.add(item.path("loginId").asString());
			assertThat(item.path("partnerId").asString()).isEqualTo(admin.partnerId());
		});
		assertThat(ids).containsExactly(admin.loginId(), member.loginId());
		assertThat(list.raw()).doesNotContain("passwordHash").doesNotContain("tokenHash");
	}

	@Test
	void adminRemovesAMemberWhoseIdStopsAndIsAnnounced() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);

		assertThat(as(admin.accessToken()).delete("/api/v1/identity/members/" + member.loginId()).status())
			.isEqualTo(204);

		assertThat(signInResponse(member.loginId(), member.password()).status()).isEqualTo(401);
		assertThat(as(member.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(401);
		TopicProbe.Event deleted = TopicProbe.await(EventType.CREDENTIAL_DELETED.topic(),
				(e) -> member.loginId().equals(e.body().path("loginId").asString()));
		assertThat(deleted.body().path("reason").asString()).isEqualTo("REMOVED_BY_ADMIN");
		assertThat(deleted.key()).isEqualTo(admin.partnerId());
		TopicProbe.Event revoked = TopicProbe.await(EventType.CREDENTIAL_REVOKED.topic(),
				(e) -> member.loginId().equals(e.body().path("loginId").asString()));
		assertThat(revoked.body().path("reason").asString()).isEqualTo("REMOVED_BY_ADMIN");

		assertThat(as(admin.accessToken()).delete("/api/v1/identity/members/" + member.loginId()).status())
			.isEqualTo(404);
		assertThat(as(admin.accessToken()).get("/api/v1/identity/members").raw()).doesNotContain(member.loginId());
		assertThat(this.credentials.findById(member.loginId()).orElseThrow().email()).isNull();
	}

	@Test
	void adminCannotRemoveItself() {
		Account admin = activeAdmin();
		ApiClient.Response refused = as(admin.accessToken()).delete("/api/v1/identity/members/" + admin.loginId());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/member-self-deletion");
		assertThat(as(admin.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(200);
	}

	@Test
	void membersAdministerNothing() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);
		ApiClient client = as(member.accessToken());

		assertThat(client.post("/api/v1/identity/members", Map.of("email", "x@example.co.jp")).status())
			.isEqualTo(403);
		assertThat(client.get("/api/v1/identity/members").status()).isEqualTo(403);
		assertThat(client.delete("/api/v1/identity/members/" + member.loginId()).status()).isEqualTo(403);
		assertThat(as(operatorToken()).get("/api/v1/identity/members").status()).isEqualTo(403);
	}

	@Test
	void invalidMemberRequestsStoreNothing() {
		Account admin = activeAdmin();
		ApiClient client = as(admin.accessToken());
		int before = this.credentials.findByPartnerIdOrderByCreatedAtAsc(admin.partnerId()).size();

		ApiClient.Response badEmail = client.post("/api/v1/identity/members", Map.of("email", "メールではない"));
		assertThat(badEmail.status()).isEqualTo(422);
		assertThat(badEmail.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
		assertThat(client.post("/api/v1/identity/members", Map.of("email", "a@example.co.jp", "preferredLanguage", "fr"))
			.status()).isEqualTo(422);
		assertThat(client.post("/api/v1/identity/members", "{\"email\": {\"$gt\": \"\"}}").status()).isEqualTo(400);

		assertThat(this.credentials.findByPartnerIdOrderByCreatedAtAsc(admin.partnerId())).hasSize(before);
	}
}
