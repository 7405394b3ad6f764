package jp.nop.cx.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.inbox.InboxItem;
import jp.nop.cx.notification.intake.FanOut;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.partner.PartnerStatus;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.support.TestMail;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Art. 16.2: a change of the terms is notified to every active partner, however many. */
class TermsChangeIT extends NotificationIT {

	@Test
	void everyActivePartnerLearnsVersionEffectiveTimeSummaryAndLinkInItsLanguage() {
		PartnerApproved japanese = approvedPartner("株式会社規約テスト", "ja");
		PartnerApproved english = approvedPartner("Terms Test Ltd.", "en");
		String version = "2." + System.nanoTime();
		String eventId = publish(new TermsChanged("BASE", null, version, Instant.parse("2026-12-01T00:00:00Z"),
				"NOP CXポータル利用規約", "第16条の表現を明確化しました。", "abc", "ja", Instant.now()));

		TestMail.Mail ja = awaitMail(japanese.contactEmail(), "利用規約変更のお知らせ（第" + version + "版）");
		assertThat(ja.text()).contains("効力発生日時: 2026年12月1日 09:00（日本時間）")
			.contains("第16条の表現を明確化しました。")
			.contains("\nhttps://portal.nop.example/terms/versions/" + version + "\n");
		assertThat(ja.html()).contains("<a href=\"https://portal.nop.example/terms/versions/" + version + "\">");
		TestMail.Mail en = awaitMail(english.contactEmail(), "Change of the Terms of Use (version " + version + ")");
		assertThat(en.text()).contains("Effective from: 1 December 2026, 09:00 JST");

		awaitDelivery(eventId, Channel.INBOX, DeliveryStatus.SENT);
		eventually().until(() -> termsNotice(japanese) != null);
		JsonNode item = termsNotice(japanese);
		assertThat(item.path("eventType").asString()).isEqualTo("terms-changed");
		assertThat(item.path("article").asString()).isEqualTo("Art. 16.2");
	}

	@Test
	void aSupplementIsNotifiedWithItsScope() {
		PartnerApproved partner = approvedPartner("株式会社別途規約", "ja");
		publish(new TermsChanged("SUPPLEMENT", "webhooks", "1", Instant.parse("2026-12-15T01:00:00Z"),
				"Webhook 利用規約", "Webhook の再送方針を定めました。", "def", "ja", Instant.now()));

		TestMail.Mail mail = awaitMail(partner.contactEmail(), "別途規約（Webhook）");
		assertThat(mail.text()).contains("対象: Webhook").contains("第1条第2項").contains("2026年12月15日 10:00（日本時間）");
	}

	@Test
	void twelveHundredPartnersAreNotifiedPageByPageNotInOneWrite() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<PartnerProjection> seeded = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			String id = String.format("fan-%s-%04d", run, i);
			seeded.add(new PartnerProjection(id, "株式会社一斉" + i, "担当 " + i, id + "@fanout.example", "ja",
					PartnerStatus.ACTIVE, null, null, Instant.EPOCH, Instant.now()));
		}
		this.mongo.insertAll(seeded);
		try {
			String eventId = publish(new TermsChanged("BASE", null, "9." + run, Instant.now(), "NOP CXポータル利用規約",
					"一斉通知の確認", "abc", "ja", Instant.now()));

			eventually().until(() -> fanOut(eventId) != null && fanOut(eventId).done());
			FanOut fanOut = fanOut(eventId);
			// 1,200 partners (and the few other tests made) in pages of 500: at least three writes.
			assertThat(fanOut.pages()).isGreaterThanOrEqualTo(3);
			assertThat(fanOut.recipients()).isGreaterThanOrEqualTo(1200);

			eventually().until(() -> this.mongo.count(query(where("eventId").is(eventId).and("partnerId")
				.regex("^fan-" + run)), InboxItem.class) == 1200);
			eventually().until(() -> this.mongo.count(query(where("eventId").is(eventId)
				.and("channel")
				.is(Channel.EMAIL)
				.and("status")
				.is(DeliveryStatus.SENT)
				.and("partnerId")
				.regex("^fan-" + run)), Delivery.class) == 1200);
			assertThat(MAIL.to(seeded.get(1199).contactEmail())).singleElement()
				.satisfies((m) -> assertThat(m.subject()).contains("利用規約変更"));
		}
		finally {
			this.mongo.remove(query(where("partnerId").regex("^fan-" + run)), PartnerProjection.class);
		}
	}

	private JsonNode termsNotice(PartnerApproved partner) {
		for (JsonNode item : api().as(TestTokens.partnerAdmin(partner.partnerId()))
			.get("/api/v1/notifications/me")
			.json()
			.path("items")) {
			if (item.path("eventType").asString().equals("terms-changed")) {
				return item;
			}
		}
		return null;
	}

	private FanOut fanOut(String eventId) {
		return this.mongo.findOne(query(where("eventId").is(eventId)), FanOut.class);
	}
}
