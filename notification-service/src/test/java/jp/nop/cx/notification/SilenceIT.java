package jp.nop.cx.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.DeliveryStatus;
import jp.nop.cx.notification.intake.FanOut;
import jp.nop.cx.notification.notice.NoticeEvent;
import jp.nop.cx.notification.partner.PartnerProjection;
import jp.nop.cx.notification.partner.PartnerStatus;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.support.TestMail;
import jp.nop.cx.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What the terms keep silent about is not notified; what they require is. */
class SilenceIT extends NotificationIT {

	@Test
	void interruptionsMaintenanceAndRestrictionsProduceNoDeliveryAndNoMail() {
		PartnerApproved partner = approvedPartner("株式会社中止テスト", "ja");
		awaitMail(partner.contactEmail(), "承認");
		int mailsBefore = MAIL.to(partner.contactEmail()).size();

		// Art. 8.2 (interruption), 10.2 (maintenance): NOP gives no notice; 11.3 (restriction): none required.
		List<String> silent = List.of(publish(status("INTERRUPTION", "FACILITY_FAILURE", false)),
				publish(status("MAINTENANCE", "VERSION_UP", false)),
				publish(status("RESTRICTION", "NATURAL_DISASTER", false)));
		eventually().until(() -> silent.stream().allMatch((id) -> consumed("onServiceStatusChanged", id)));

		for (String eventId : silent) {
			assertThat(deliveriesOf(eventId)).isEmpty();
			assertThat(this.mongo.findById(eventId, NoticeEvent.class)).isNull();
			assertThat(this.mongo.find(query(where("eventId").is(eventId)), FanOut.class)).isEmpty();
		}
		assertThat(MAIL.to(partner.contactEmail())).hasSize(mailsBefore);
		JsonNode inbox = api().as(TestTokens.partnerAdmin(partner.partnerId())).get("/api/v1/notifications/me").json();
		assertThat(inbox.path("items")).extracting((item) -> item.path("eventType").asString())
			.containsOnly("partner-approved");
	}

	@Test
	void aPlannedDiscontinuationIsNotifiedWithScopeAndTimingButAnUrgentOneIsNot() {
		PartnerApproved active = approvedPartner("株式会社廃止テスト", "ja");
		PartnerApproved terminated = approvedPartner("株式会社終了済", "ja");
		publish(new PartnerTerminated(terminated.partnerId(), "PARTNER", LocalDate.now(), Instant.now()));
		eventually().until(() -> this.mongo.findById(terminated.partnerId(), PartnerProjection.class)
			.status() == PartnerStatus.INACTIVE);

		// Art. 9.2 proviso: urgent, so no notice.
		String urgent = publish(status("DISCONTINUATION", "UNAVOIDABLE", true));
		eventually().until(() -> consumed("onServiceStatusChanged", urgent));
		assertThat(deliveriesOf(urgent)).isEmpty();

		ServiceStatusChanged planned = new ServiceStatusChanged("ss-" + UUID.randomUUID(), "DISCONTINUATION",
				"EQUIVALENT_SERVICE_STARTED", false, List.of(Capability.EXPORT, Capability.WEBHOOKS), Instant.parse("2027-03-31T15:00:00Z"),
				null, false, "SCHEDULED", Instant.now());
		String eventId = publish(planned);

		TestMail.Mail mail = awaitMail(active.contactEmail(), "サービス廃止のお知らせ");
		assertThat(mail.text()).contains("廃止の範囲: 本サービスの一部（バックアップ（エクスポート）、Webhook）")
			.contains("廃止の時期: 2027年4月1日 00:00（日本時間）")
			.contains("第9条第1項第4号");
		Delivery inbox = awaitDelivery(eventId, Channel.INBOX, DeliveryStatus.SENT);
		assertThat(inbox.article()).isEqualTo("Art. 9.2");
		assertThat(deliveriesOf(eventId)).extracting(Delivery::partnerId).doesNotContain(terminated.partnerId());
	}

	@Test
	void theSeedTermsPublishedAtFirstStartAreNoChangeToNotify() {
		String seed = publish(new TermsChanged("BASE", null, "1", Instant.now(), "NOP CXポータル利用規約", "初版", "abc", "ja",
				Instant.now()));
		eventually().until(() -> consumed("onTermsChanged", seed));
		assertThat(this.mongo.findById(seed, NoticeEvent.class)).isNull();
		assertThat(this.mongo.find(query(where("eventId").is(seed)), FanOut.class)).isEmpty();
	}

	private boolean consumed(String consumer, String eventId) {
		return this.mongo.findById(consumer + ":" + eventId, Document.class, "processed_events") != null;
	}

	private static ServiceStatusChanged status(String kind, String reason, boolean urgent) {
		return new ServiceStatusChanged("ss-" + UUID.randomUUID(), kind, reason, true, List.of(), Instant.now(), null,
				urgent, "ACTIVE", Instant.now());
	}
}
