package jp.nop.cx.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.CredentialCompromised;
import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerReinstated;
import jp.nop.cx.events.PartnerSuspended;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.intake.NoticeIntake;
import jp.nop.cx.notification.notice.NoticeEvent;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.support.TestMail;
import jp.nop.cx.platform.messaging.InboundEvent;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The notices of one partner's life, end to end: event in, mail out, inbox, proof of notice. */
class PartnerNoticesIT extends NotificationIT {

	@Autowired
	private NoticeIntake intake;

	@Test
	void anApplicationIsAcknowledgedToTheApplicant() {
		// Art. 3: receipt of the application, to the contact in it (no partner yet).
		RegistrationSubmitted submitted = new RegistrationSubmitted("a-" + UUID.randomUUID(), "株式会社申込テスト",
				"1234567890123", "山田 花子", "hanako-" + UUID.randomUUID() + "@example.co.jp", "ja", "1", Instant.now(),
				"203.0.113.7", "curl/8", Instant.now());
		String eventId = publish(submitted);

		TestMail.Mail mail = awaitMail(submitted.contactEmail(), "お申込みを受け付けました");
		assertThat(mail.text()).contains("受付番号: " + submitted.applicationId()).contains("山田 花子 様");
		Delivery delivery = awaitDelivery(eventId, Channel.EMAIL, DeliveryStatus.SENT);
		assertThat(delivery.partnerId()).isNull();
		assertThat(delivery.audience()).isEqualTo(Audience.APPLICANT);
		assertThat(delivery.article()).isEqualTo("Art. 3");
		assertThat(deliveriesOf(eventId)).hasSize(1);
	}

	@Test
	void anApprovalIsMailedInJapaneseAndPlacedInTheInbox() {
		PartnerApproved partner = approvedPartner("株式会社承認テスト", "ja");
		ApiClient admin = api().as(TestTokens.partnerAdmin(partner.partnerId()));

		TestMail.Mail mail = awaitMail(partner.contactEmail(), "パートナー登録が承認されました");
		assertThat(mail.contentType()).startsWith("multipart/");
		assertThat(mail.text()).contains("パートナーID: " + partner.partnerId());
		assertThat(mail.html()).contains("<html lang=\"ja\">").contains("株式会社承認テスト");
		assertThat(mail.from()).contains("cx-portal@nop.example");

		eventually().until(() -> admin.get("/api/v1/notifications/me").json().path("total").asInt() == 1);
		JsonNode inbox = admin.get("/api/v1/notifications/me").json();
		JsonNode item = inbox.path("items").get(0);
		assertThat(item.path("eventType").asString()).isEqualTo("partner-approved");
		assertThat(item.path("article").asString()).isEqualTo("Art. 2.1");
		assertThat(item.path("subject").asString()).contains("承認");
		assertThat(item.path("body").asString()).contains(partner.partnerId());
		assertThat(item.path("read").asBoolean()).isFalse();
		assertThat(item.path("createdAt").asString()).isNotBlank();
		assertThat(inbox.path("unread").asInt()).isEqualTo(1);

		assertThat(admin.post("/api/v1/notifications/" + item.path("id").asString() + "/read", null).status())
			.isEqualTo(204);
		JsonNode after = admin.get("/api/v1/notifications/me").json();
		assertThat(after.path("unread").asInt()).isZero();
		assertThat(after.path("items").get(0).path("read").asBoolean()).isTrue();
	}

	@Test
	void theActivationMailCarriesTheLoginIdAndLinkButNoPasswordAndGoesNowhereElse() {
		PartnerApproved partner = approvedPartner("Example Trading K.K.", "en");
		String token = UUID.randomUUID().toString();
		String link = "https://portal.nop.example/activate?token=" + token;
		String loginId = "admin-" + partner.partnerId();
		String sealed = IDENTITY_SIDE.seal(token, loginId);
		CredentialIssued issued = new CredentialIssued(partner.partnerId(), loginId, "PARTNER_ADMIN", "ADMINISTRATOR",
				partner.contactEmail(), "en", "https://portal.nop.example/activate", sealed,
				Instant.parse("2026-12-01T03:00:00Z"), Instant.now());
		String eventId = publish(issued);

		TestMail.Mail mail = awaitMail(partner.contactEmail(), "Your login ID");
		assertThat(mail.text()).contains("Login ID: admin-" + partner.partnerId() + "\n")
			.contains("\n" + link + "\n")
			.contains("Valid until: 1 December 2026, 12:00 JST")
			.doesNotContainIgnoringCase("password:");
		// Art. 4.1: mail only; the link is a secret and is forgotten once the mail is out.
		assertThat(deliveriesOf(eventId)).extracting(Delivery::channel).containsExactly(Channel.EMAIL);
		// The raw token is in the mail only: never in the kept event, nor in the delivery record.
		assertThat(this.mongo.findById(eventId, NoticeEvent.class).payload()).doesNotContain(token);
		assertThat(this.mongo.getCollection("deliveries").find().into(new java.util.ArrayList<>()).toString())
			.doesNotContain(token);
		eventually().until(() -> !this.mongo.findById(eventId, NoticeEvent.class).payload().contains(sealed));
		JsonNode inbox = api().as(TestTokens.partnerAdmin(partner.partnerId())).get("/api/v1/notifications/me").json();
		assertThat(inbox.path("items").toString()).doesNotContain("credential-issued").doesNotContain(link);
	}

	@Test
	void aCompanyNameWithMarkupIsEscapedInTheHtmlMail() {
		PartnerApproved partner = approvedPartner("<script>alert('x')</script>商事", "ja");
		publish(new PartnerWarned(partner.partnerId(), "c-1", "m-1", "TERMS_VIOLATION", "<img src=x onerror=alert(1)>",
				Instant.now()));

		TestMail.Mail mail = awaitMail(partner.contactEmail(), "警告のお知らせ");
		assertThat(mail.html()).doesNotContain("<script>")
			.doesNotContain("<img")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;商事")
			.contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;");
		assertThat(mail.text()).contains("<script>alert('x')</script>商事");
	}

	@Test
	void theSameEventDeliveredTwiceByKafkaGivesOneNoticePerChannel() {
		PartnerApproved partner = approvedPartner("株式会社重複テスト", "ja");
		PartnerWarned warned = new PartnerWarned(partner.partnerId(), "c-dup", "m-dup", "TERMS_VIOLATION", "重複配信の確認",
				Instant.now());
		String ceId = UUID.randomUUID().toString();
		publish(warned, ceId);
		publish(warned, ceId);
		// A later event of the same partner (same partition): once it is in, both copies were consumed.
		String later = publish(new PartnerReinstated(partner.partnerId(), "c-dup", List.of("m-dup"), "解除", Instant.now()));
		awaitDelivery(later, Channel.EMAIL, DeliveryStatus.SENT);
		awaitDelivery(ceId, Channel.EMAIL, DeliveryStatus.SENT);

		assertThat(deliveriesOf(ceId)).extracting(Delivery::channel)
			.containsExactlyInAnyOrder(Channel.EMAIL, Channel.INBOX);
		assertThat(MAIL.to(partner.contactEmail())).filteredOn((m) -> m.subject().contains("警告")).hasSize(1);
	}

	@Test
	void recordingTheSameEventTwiceWritesOneNoticeBecauseTheStoreRefusesTheCopy() {
		// Past the consumer's duplicate check: the unique index alone keeps the second copy out.
		PartnerApproved partner = approvedPartner("株式会社一意テスト", "ja");
		PartnerSuspended suspended = new PartnerSuspended(partner.partnerId(), "c-u", "m-u", "MALWARE", true, List.of(),
				null, Instant.now());
		InboundEvent<PartnerSuspended> event = new InboundEvent<>("ce-" + UUID.randomUUID(), "t", "/cx/test",
				partner.partnerId(), Instant.now(), suspended);
		this.intake.accept(event);
		this.intake.accept(event);

		assertThat(deliveriesOf(event.id())).hasSize(2);
		TestMail.Mail mail = awaitMail(partner.contactEmail(), "サービス提供停止");
		assertThat(mail.text()).contains("停止の範囲: 本サービスの全部");
	}

	@Test
	void aReportOfLostIdsAlertsTheOperatorAndConfirmsToThePartner() {
		PartnerApproved partner = approvedPartner("株式会社紛失テスト", "ja");
		String eventId = publish(new CredentialCompromised(partner.partnerId(), "inc-" + UUID.randomUUID(), "STOLEN",
				List.of("admin-" + partner.partnerId()), "admin-" + partner.partnerId(), "ノートPCを盗まれました",
				Instant.now()));

		awaitDelivery(eventId, Channel.EMAIL, DeliveryStatus.SENT);
		eventually().until(() -> deliveriesOf(eventId, Channel.EMAIL).stream().allMatch((d) -> d.status() == DeliveryStatus.SENT)
				&& deliveriesOf(eventId, Channel.EMAIL).size() == 2);
		assertThat(MAIL.to("operator@nop.example")).anySatisfy((m) -> {
			assertThat(m.subject()).contains("【要対応】").contains(partner.partnerId());
			assertThat(m.text()).contains("株式会社紛失テスト").contains("盗難").contains("ノートPCを盗まれました");
		});
		assertThat(awaitMail(partner.contactEmail(), "ご通知を受け付けました").text()).contains("第4条第3項");
		assertThat(deliveriesOf(eventId)).extracting(Delivery::audience)
			.containsExactlyInAnyOrder(Audience.OPERATOR, Audience.PARTNER_CONTACT, Audience.PARTNER_CONTACT);
	}

	@Test
	void terminationByThePartnerIsConfirmedAndByNopNoticedInAdvance() {
		PartnerApproved byPartner = approvedPartner("株式会社解約テスト", "ja");
		publish(new PartnerTerminationScheduled(byPartner.partnerId(), "PARTNER", LocalDate.of(2027, 3, 31), null, false,
				Instant.now()));
		assertThat(awaitMail(byPartner.contactEmail(), "ご利用終了のお申出を承りました").text())
			.contains("終了日: 2027年3月31日")
			.contains("第12条第1項");

		PartnerApproved byNop = approvedPartner("Example Closing Ltd.", "en");
		publish(new PartnerTerminationScheduled(byNop.partnerId(), "OPERATOR", LocalDate.of(2027, 4, 30), "契約方針の変更",
				false, Instant.now()));
		assertThat(awaitMail(byNop.contactEmail(), "Prior notice").text()).contains("Ends on: 30 April 2027")
			.contains("Art. 12.2")
			.contains("Reason: 契約方針の変更");
	}

	@Test
	void aTransferIsNotifiedToTheOldAndTheNewContact() {
		PartnerApproved partner = approvedPartner("株式会社譲渡元", "ja");
		String newContact = "new-" + UUID.randomUUID() + "@example.co.jp";
		String eventId = publish(new PartnerTransferred(partner.partnerId(), "t-1", "株式会社譲渡元", partner.contactEmail(),
				"株式会社譲渡先", "9876543210987", "佐藤 次郎", newContact, "ja", Instant.now()));

		assertThat(awaitMail(partner.contactEmail(), "地位の譲渡が完了しました").text()).contains("株式会社譲渡先");
		assertThat(awaitMail(newContact, "地位の譲受が完了しました").text()).contains("佐藤 次郎 様");
		awaitDelivery(eventId, Channel.INBOX, DeliveryStatus.SENT);
		assertThat(deliveriesOf(eventId)).extracting(Delivery::audience, Delivery::channel)
			.containsExactlyInAnyOrder(tuple(Audience.TRANSFEROR, Channel.EMAIL),
					tuple(Audience.TRANSFEREE, Channel.EMAIL),
					tuple(Audience.TRANSFEREE, Channel.INBOX));
	}

	@Test
	void operatorsSeeTheProofOfNoticeOfAPartner() {
		PartnerApproved partner = approvedPartner("株式会社証跡テスト", "ja");
		String eventId = publish(new PartnerWarned(partner.partnerId(), "c-p", "m-p", "ID_MISUSE", null, Instant.now()));
		awaitDelivery(eventId, Channel.EMAIL, DeliveryStatus.SENT);
		awaitDelivery(eventId, Channel.INBOX, DeliveryStatus.SENT);
		ApiClient operator = api().as(TestTokens.operator());

		JsonNode page = operator.get("/api/v1/notifications/deliveries?partnerId=" + partner.partnerId()
				+ "&eventType=partner-warned&status=SENT").json();
		assertThat(page.path("total").asInt()).isEqualTo(2);
		JsonNode first = page.path("items").get(0);
		assertThat(first.path("eventId").asString()).isEqualTo(eventId);
		assertThat(first.path("partnerId").asString()).isEqualTo(partner.partnerId());
		assertThat(first.path("template").asString()).isEqualTo("partner-warned");
		assertThat(first.path("article").asString()).isEqualTo("Art. 7.2(1)");
		assertThat(first.path("attempts").asInt()).isEqualTo(1);
		assertThat(first.path("sentAt").asString()).isNotBlank();
		assertThat(first.path("createdAt").asString()).isNotBlank();

		assertThat(operator.get("/api/v1/notifications/deliveries?partnerId=" + partner.partnerId() + "&channel=INBOX")
			.json()
			.path("total")
			.asInt()).isEqualTo(2);
		assertThat(operator.get("/api/v1/notifications/deliveries?status=LOST").status()).isEqualTo(400);
		assertThat(operator.get("/api/v1/notifications/deliveries?eventType=partner-exploded").status()).isEqualTo(400);
		assertThat(operator.get("/api/v1/notifications/deliveries?size=1000").status()).isEqualTo(422);
		assertThat(api().as(TestTokens.partnerAdmin(partner.partnerId()))
			.get("/api/v1/notifications/deliveries?partnerId=" + partner.partnerId())
			.status()).isEqualTo(403);
	}
}
