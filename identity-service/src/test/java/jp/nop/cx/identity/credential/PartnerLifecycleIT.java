package jp.nop.cx.identity.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 12, 17: a partner's IDs end with the partnership and are replaced on a transfer. */
class PartnerLifecycleIT extends IdentityIT {

	@Test
	void terminatedPartnersIdsAreDeletedOnce() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);
		String eventId = UUID.randomUUID().toString();
		PartnerTerminated terminated = new PartnerTerminated(admin.partnerId(), "PARTNER",
				LocalDate.now(this.clock), Instant.now(this.clock));

		TopicProbe.publish(EventType.PARTNER_TERMINATED.topic(), admin.partnerId(), eventId,
				EventType.PARTNER_TERMINATED.ceType(), terminated);
		for (Account account : List.of(admin, member)) {
			TopicProbe.Event deleted = TopicProbe.await(EventType.CREDENTIAL_DELETED.topic(),
					(e) -> account.loginId().equals(e.body().path("loginId").asString()));
			assertThat(deleted.body().path("reason").asString()).isEqualTo("PARTNER_TERMINATED");
			TopicProbe.Event revoked = TopicProbe.await(EventType.CREDENTIAL_REVOKED.topic(),
					(e) -> account.loginId().equals(e.body().path("loginId").asString()));
			assertThat(revoked.body().path("reason").asString()).isEqualTo("PARTNER_TERMINATED");
			assertThat(signInResponse(account.loginId(), account.password()).status()).isEqualTo(401);
		}

		// A redelivery and a second termination event announce nothing new.
		TopicProbe.publish(EventType.PARTNER_TERMINATED.topic(), admin.partnerId(), eventId,
				EventType.PARTNER_TERMINATED.ceType(), terminated);
		String second = UUID.randomUUID().toString();
		TopicProbe.publish(EventType.PARTNER_TERMINATED.topic(), admin.partnerId(), second,
				EventType.PARTNER_TERMINATED.ceType(), terminated);
		awaitProcessed("onPartnerTerminated", second);
		assertThat(settled(EventType.CREDENTIAL_DELETED.topic(), (e) -> admin.partnerId().equals(e.key()))).hasSize(2);
	}

	@Test
	void transferRevokesTheOldIdsAndIssuesTheTransfereeANewAdministrator() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);
		String transferId = "t-" + UUID.randomUUID();
		PartnerTransferred transferred = new PartnerTransferred(admin.partnerId(), transferId, "株式会社テスト商事",
				"hanako@example.co.jp", "株式会社譲受ホールディングス", "7000012345678", "鈴木 次郎",
				"jiro.suzuki@example.co.jp", "en", Instant.now(this.clock));
		String eventId = UUID.randomUUID().toString();
		TopicProbe.publish(EventType.PARTNER_TRANSFERRED.topic(), admin.partnerId(), eventId,
				EventType.PARTNER_TRANSFERRED.ceType(), transferred);

		Issued successor = awaitIssued(admin.partnerId(), "TRANSFER");
		assertThat(successor.email()).isEqualTo("jiro.suzuki@example.co.jp");
		assertThat(successor.role()).isEqualTo("PARTNER_ADMIN");
		assertThat(successor.loginId()).isNotIn(admin.loginId(), member.loginId());
		for (Account old : List.of(admin, member)) {
			TopicProbe.Event revoked = TopicProbe.await(EventType.CREDENTIAL_REVOKED.topic(),
					(e) -> old.loginId().equals(e.body().path("loginId").asString()));
			assertThat(revoked.body().path("reason").asString()).isEqualTo("PARTNER_TRANSFERRED");
			assertThat(signInResponse(old.loginId(), old.password()).status()).isEqualTo(401);
			assertThat(as(old.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(401);
		}

		String password = "譲受会社の管理者パスワード";
		activate(successor.activationToken(), password);
		Tokens tokens = signIn(successor.loginId(), password);
		assertThat(as(tokens.accessToken()).get("/api/v1/identity/me").text("partnerId")).isEqualTo(admin.partnerId());

		// Redelivered: the new administrator is neither revoked nor issued again.
		String again = UUID.randomUUID().toString();
		TopicProbe.publish(EventType.PARTNER_TRANSFERRED.topic(), admin.partnerId(), again,
				EventType.PARTNER_TRANSFERRED.ceType(), transferred);
		awaitProcessed("onPartnerTransferred", again);
		assertThat(signInResponse(successor.loginId(), password).status()).isEqualTo(200);
		assertThat(settled(EventType.CREDENTIAL_ISSUED.topic(),
				(e) -> admin.partnerId().equals(e.key()) && "TRANSFER".equals(e.body().path("purpose").asString())))
			.hasSize(1);
	}
}
