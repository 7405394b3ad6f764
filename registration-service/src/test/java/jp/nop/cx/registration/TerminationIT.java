package jp.nop.cx.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jp.nop.cx.events.EventType;
import jp.nop.cx.registration.partner.NoticePeriod;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Art. 12: ending the partnership with notice, counted in days of Japan, and putting it into effect. */
class TerminationIT extends RegistrationIntegrationTest {

	/** 23:59:59 on 31 January 2030 in Tokyo (14:59:59 UTC): the day is still the 31st there. */
	private static final Instant LAST_SECOND_OF_JANUARY_IN_TOKYO = Instant.parse("2030-01-31T14:59:59Z");

	@Test
	void thePartnerReadsTheEarliestDayBeforeGivingNotice() {
		String partnerId = approvedPartner();
		this.clock.set(LAST_SECOND_OF_JANUARY_IN_TOKYO);

		ApiClient.Response before = partnerAdmin(partnerId).get("/api/v1/partners/me/termination");
		assertThat(before.status()).as(before.toString()).isEqualTo(200);
		assertThat(before.json().path("noticePeriodDays").asInt()).isEqualTo(30);
		assertThat(before.text("earliestEffectiveOn")).isEqualTo("2030-03-02");
		assertThat(before.json().path("scheduled").isMissingNode() || before.json().path("scheduled").isNull()).isTrue();

		this.clock.set(LAST_SECOND_OF_JANUARY_IN_TOKYO.plusSeconds(1));
		partnerAdmin(partnerId).post("/api/v1/partners/me/termination", Map.of("effectiveOn", "2030-03-03"));
		ApiClient.Response after = partnerAdmin(partnerId).get("/api/v1/partners/me/termination");
		assertThat(after.text("earliestEffectiveOn")).isEqualTo("2030-03-03");
		assertThat(after.json().path("scheduled").path("effectiveOn").asString()).isEqualTo("2030-03-03");
		assertThat(after.json().path("scheduled").path("initiatedBy").asString()).isEqualTo("PARTNER");
	}

	@Test
	void thePartnerGivesNoticeNoEarlierThanTheNoticePeriodCountedInTokyo() {
		String partnerId = approvedPartner();
		this.clock.set(LAST_SECOND_OF_JANUARY_IN_TOKYO);

		ApiClient.Response early = partnerAdmin(partnerId).post("/api/v1/partners/me/termination",
				Map.of("effectiveOn", "2030-03-01"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.text("type")).endsWith("/notice-period");
		// 31 January + 30 days = 2 March (2030 is not a leap year).
		assertThat(early.text("earliestEffectiveOn")).isEqualTo("2030-03-02");
		assertThat(early.json().path("errors").get(0).path("field").asString()).isEqualTo("effectiveOn");
		assertThat(storedPartner(partnerId).getString("status")).isEqualTo("APPROVED");

		// One second later it is 1 February in Tokyo, though still 31 January in UTC.
		this.clock.set(LAST_SECOND_OF_JANUARY_IN_TOKYO.plusSeconds(1));
		assertThat(partnerAdmin(partnerId).post("/api/v1/partners/me/termination", Map.of("effectiveOn", "2030-03-02"))
			.text("earliestEffectiveOn")).isEqualTo("2030-03-03");

		ApiClient.Response scheduled = partnerAdmin(partnerId).post("/api/v1/partners/me/termination",
				Map.of("effectiveOn", "2030-03-03"));
		assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
		assertThat(scheduled.text("status")).isEqualTo("TERMINATION_SCHEDULED");
		assertThat(scheduled.json().path("termination").path("effectiveOn").asString()).isEqualTo("2030-03-03");
		assertThat(scheduled.json().path("termination").path("initiatedBy").asString()).isEqualTo("PARTNER");

		TopicProbe.Event event = TopicProbe.await("partner-termination-scheduled", (e) -> partnerId.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.PARTNER_TERMINATION_SCHEDULED.ceType());
		assertThat(event.body().path("effectiveOn").asString()).isEqualTo("2030-03-03");
		assertThat(event.body().path("initiatedBy").asString()).isEqualTo("PARTNER");
		assertThat(event.body().path("withdrawn").asBoolean()).isFalse();

		ApiClient.Response again = partnerAdmin(partnerId).post("/api/v1/partners/me/termination",
				Map.of("effectiveOn", "2030-04-01"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("type")).endsWith("/termination-already-scheduled");
	}

	@Test
	void thePartnerWithdrawsItsNoticeBeforeTheDay() {
		String partnerId = approvedPartner();
		LocalDate effectiveOn = earliest().plusDays(10);
		assertThat(partnerAdmin(partnerId)
			.post("/api/v1/partners/me/termination", Map.of("effectiveOn", effectiveOn.toString()))
			.status()).isEqualTo(200);

		ApiClient.Response withdrawn = partnerAdmin(partnerId).delete("/api/v1/partners/me/termination");
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.text("status")).isEqualTo("ACTIVE");
		TopicProbe.Event event = TopicProbe.await("partner-termination-scheduled",
				(e) -> partnerId.equals(e.key()) && e.body().path("withdrawn").asBoolean());
		assertThat(event.body().path("effectiveOn").asString()).isEqualTo(effectiveOn.toString());

		assertThat(partnerAdmin(partnerId).delete("/api/v1/partners/me/termination").status()).isEqualTo(409);
	}

	@Test
	void theTerminationTakesEffectWhenItsDayBeginsInTokyoAndIsAnnounced() {
		String number = newCorporateNumber();
		String partnerId = approve(apply(number));
		LocalDate effectiveOn = earliest();
		assertThat(partnerAdmin(partnerId)
			.post("/api/v1/partners/me/termination", Map.of("effectiveOn", effectiveOn.toString()))
			.status()).isEqualTo(200);
		Instant midnightInTokyo = NoticePeriod.startOf(effectiveOn);

		this.clock.set(midnightInTokyo.minusSeconds(1));
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(5))
			.until(() -> "TERMINATION_SCHEDULED".equals(storedPartner(partnerId).getString("status")));

		this.clock.set(midnightInTokyo);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "TERMINATED".equals(storedPartner(partnerId).getString("status")));
		TopicProbe.Event event = TopicProbe.await("partner-terminated", (e) -> partnerId.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.PARTNER_TERMINATED.ceType());
		assertThat(event.body().path("effectiveOn").asString()).isEqualTo(effectiveOn.toString());
		assertThat(event.body().path("initiatedBy").asString()).isEqualTo("PARTNER");
		assertThat(TopicProbe.all("partner-terminated", (e) -> partnerId.equals(e.key()))).hasSize(1);

		ApiClient.Response me = partnerMember(partnerId).get("/api/v1/partners/me");
		assertThat(me.text("status")).isEqualTo("TERMINATED");
		assertThat(me.text("terminatedAt")).isNotBlank();
		assertThat(partnerAdmin(partnerId).delete("/api/v1/partners/me/termination").status()).isEqualTo(409);
		assertThat(partnerAdmin(partnerId).patch("/api/v1/partners/me", Map.of("contact", Map.of("name", "退会後")))
			.status()).isEqualTo(409);
		// The company may apply again once the partnership has ended.
		assertThat(anonymous().post("/api/v1/registrations", application(number)).status()).isEqualTo(201);
	}

	@Test
	void nopTerminatesWithPriorNoticeAndOnlyNopWithdrawsIt() {
		String partnerId = approvedPartner();
		ApiClient.Response early = operator().post("/api/v1/partners/" + partnerId + "/termination",
				Map.of("effectiveOn", earliest().minusDays(1).toString(), "reason", "契約の見直しのため"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.text("earliestEffectiveOn")).isEqualTo(earliest().toString());

		ApiClient.Response scheduled = operator().post("/api/v1/partners/" + partnerId + "/termination",
				Map.of("effectiveOn", earliest().toString(), "reason", "契約の見直しのため"));
		assertThat(scheduled.status()).isEqualTo(200);
		TopicProbe.Event event = TopicProbe.await("partner-termination-scheduled", (e) -> partnerId.equals(e.key()));
		assertThat(event.body().path("initiatedBy").asString()).isEqualTo("NOP");
		assertThat(event.body().path("reason").asString()).isEqualTo("契約の見直しのため");

		ApiClient.Response byPartner = partnerAdmin(partnerId).delete("/api/v1/partners/me/termination");
		assertThat(byPartner.status()).isEqualTo(409);
		assertThat(byPartner.text("type")).endsWith("/termination-by-other-party");
		assertThat(operator().delete("/api/v1/partners/" + partnerId + "/termination").text("status"))
			.isEqualTo("ACTIVE");
	}

	@Test
	void nopGivesAReason() {
		String partnerId = approvedPartner();
		ApiClient.Response answer = operator().post("/api/v1/partners/" + partnerId + "/termination",
				Map.of("effectiveOn", earliest().toString()));
		assertThat(answer.status()).isEqualTo(422);
		assertThat(storedPartner(partnerId).getString("status")).isEqualTo("APPROVED");
	}

	@Test
	void datesThatAreNotDatesOrInThePastAreRefused() {
		String partnerId = approvedPartner();
		Document before = storedPartner(partnerId);
		ApiClient admin = partnerAdmin(partnerId);
		assertThat(admin.post("/api/v1/partners/me/termination", Map.of("effectiveOn", "2030-02-30")).status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/partners/me/termination", Map.of("effectiveOn", "来月末")).status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/partners/me/termination", Map.of()).status()).isEqualTo(422);
		assertThat(admin.post("/api/v1/partners/me/termination", Map.of("effectiveOn", "2020-01-01")).status())
			.isEqualTo(422);
		assertThat(storedPartner(partnerId).get("version")).isEqualTo(before.get("version"));
	}

	@Test
	void membersDoNotEndThePartnership() {
		String partnerId = approvedPartner();
		assertThat(partnerMember(partnerId)
			.post("/api/v1/partners/me/termination", Map.of("effectiveOn", earliest().toString()))
			.status()).isEqualTo(403);
		assertThat(storedPartner(partnerId).getString("status")).isEqualTo("APPROVED");
	}

	private LocalDate earliest() {
		return new NoticePeriod(30).earliestEffectiveOn(this.clock.instant());
	}
}
