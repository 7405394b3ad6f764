package jp.nop.cx.notification;

import java.time.Instant;
import java.util.UUID;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTransferRefused;
import jp.nop.cx.events.PartnerTransferRequested;
import jp.nop.cx.events.ResumptionDecided;
import jp.nop.cx.events.ResumptionProposed;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.support.TestMail;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The notices of a consultation between NOP and a partner: a transfer request and its refusal
 * (Art. 17), a resumption proposal and NOP's answer (Art. 7.5). Each reaches the other side.
 */
class ConsultationNoticesIT extends NotificationIT {

	@Test
	void aTransferRequestAndItsRefusalReachThePartnerByMailAndInboxWithTheReason() {
		PartnerApproved partner = approvedPartner("株式会社譲渡テスト", "ja");
		String transferId = "t-" + UUID.randomUUID();
		String requested = publish(new PartnerTransferRequested(partner.partnerId(), transferId, "株式会社譲渡テスト",
				"株式会社譲受ホールディングス", "7123456789012", "事業譲渡のため", "admin-" + partner.partnerId(),
				Instant.now()));
		TestMail.Mail receipt = awaitMail(partner.contactEmail(), "承諾申請を受け付けました");
		assertThat(receipt.text()).contains("株式会社譲受ホールディングス").contains(transferId).contains("第17条");

		String refused = publish(new PartnerTransferRefused(partner.partnerId(), transferId, "株式会社譲受ホールディングス",
				"書面による承諾の申請がありません", "operator", Instant.now()));
		TestMail.Mail refusal = awaitMail(partner.contactEmail(), "承諾できませんでした");
		assertThat(refusal.text()).contains("理由:\n書面による承諾の申請がありません").contains(transferId);

		awaitDelivery(refused, Channel.INBOX, DeliveryStatus.SENT);
		assertThat(deliveriesOf(refused)).extracting(Delivery::channel, Delivery::article)
			.containsExactlyInAnyOrder(tuple(Channel.EMAIL, "Art. 17"), tuple(Channel.INBOX, "Art. 17"));
		assertThat(deliveriesOf(requested)).extracting(Delivery::channel)
			.containsExactlyInAnyOrder(Channel.EMAIL, Channel.INBOX);
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));
		eventually().until(() -> inboxHas(admin, "partner-transfer-refused"));
		JsonNode item = inboxItem(admin, "partner-transfer-refused");
		assertThat(item.path("body").asString()).contains("書面による承諾の申請がありません");
	}

	@Test
	void aRefusedTransferIsNoticedInEnglishToAnEnglishSpeakingPartner() {
		PartnerApproved partner = approvedPartner("Example Holdings K.K.", "en");
		publish(new PartnerTransferRefused(partner.partnerId(), "t-" + UUID.randomUUID(), "Buyer K.K.",
				"No written request for consent was received.", "operator", Instant.now()));
		assertThat(awaitMail(partner.contactEmail(), "did not consent").text()).contains("Art. 17")
			.contains("Reason:\nNo written request for consent was received.");
	}

	@Test
	void aResumptionProposalAlertsTheOperatorAndNopsAnswerReachesThePartner() {
		PartnerApproved partner = approvedPartner("株式会社再開協議テスト", "ja");
		String caseId = "c-" + UUID.randomUUID();
		String proposalId = "r-" + UUID.randomUUID();
		String proposed = publish(new ResumptionProposed(partner.partnerId(), caseId, proposalId,
				"EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS", "リトライ処理の不具合を修正しました",
				Instant.parse("2030-01-10T01:00:00Z"), "admin-" + partner.partnerId(), Instant.now()));

		eventually().until(() -> MAIL.to("operator@nop.example")
			.stream()
			.anyMatch((m) -> m.subject().contains("再開の協議") && m.text().contains(proposalId)));
		TestMail.Mail alert = MAIL.to("operator@nop.example")
			.stream()
			.filter((m) -> m.text().contains(proposalId))
			.findFirst()
			.orElseThrow();
		assertThat(alert.subject()).contains("【要対応】").contains(partner.partnerId());
		assertThat(alert.text()).contains("株式会社再開協議テスト")
			.contains("リトライ処理の不具合を修正しました")
			.contains("2030年1月10日 10:00（日本時間）")
			.contains("/api/v1/enforcement/cases/" + caseId + "/proposals/" + proposalId + "/agreement");
		assertThat(deliveriesOf(proposed)).extracting(Delivery::audience, Delivery::channel)
			.containsExactly(tuple(Audience.OPERATOR, Channel.EMAIL));

		String agreed = publish(new ResumptionDecided(partner.partnerId(), caseId, proposalId, "AGREED",
				Instant.parse("2030-01-10T01:00:00Z"), null, "operator", Instant.now()));
		assertThat(awaitMail(partner.contactEmail(), "合意しました").text()).contains("再開日時: 2030年1月10日 10:00（日本時間）");
		awaitDelivery(agreed, Channel.INBOX, DeliveryStatus.SENT);

		String refused = publish(new ResumptionDecided(partner.partnerId(), caseId, "r-" + UUID.randomUUID(),
				"REFUSED", null, "再発防止策の説明が不十分です", "operator", Instant.now()));
		assertThat(awaitMail(partner.contactEmail(), "同意できませんでした").text()).contains("理由:\n再発防止策の説明が不十分です");
		assertThat(deliveriesOf(refused)).extracting(Delivery::channel)
			.containsExactlyInAnyOrder(Channel.EMAIL, Channel.INBOX);
	}

	private static boolean inboxHas(ApiClient client, String eventType) {
		return inboxItem(client, eventType) != null;
	}

	private static JsonNode inboxItem(ApiClient client, String eventType) {
		for (JsonNode item : client.get("/api/v1/notifications/me?size=100").json().path("items")) {
			if (eventType.equals(item.path("eventType").asString())) {
				return item;
			}
		}
		return null;
	}
}
