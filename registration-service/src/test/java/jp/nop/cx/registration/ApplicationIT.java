package jp.nop.cx.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Applying (preamble, Art. 3) and NOP's review (Art. 2.1), through HTTP, the broker and the store. */
class ApplicationIT extends RegistrationIntegrationTest {

	/**
	 * SPEC 4, relayed once (issue 11): approving an application while the relay is publishing its
	 * {@code registration-submitted} saved a copy still holding that entry, and it went out twice.
	 * Approvals right after submission, in a burst, while the relay runs.
	 */
	@Test
	void approvingRightAfterSubmissionPublishesTheSubmissionOnce() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(apply(newCorporateNumber()));
		}
		ids.forEach(this::approve);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> TopicProbe.all(EventType.PARTNER_APPROVED.topic(), (e) -> true)
				.stream()
				.filter((e) -> ids.contains(e.body().path("applicationId").asString()))
				.count() == ids.size());
		List<TopicProbe.Event> submitted = TopicProbe.all(EventType.REGISTRATION_SUBMITTED.topic(),
				(e) -> ids.contains(e.key()));
		assertThat(submitted).extracting(TopicProbe.Event::key).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(submitted).extracting(TopicProbe.Event::ceId).doesNotHaveDuplicates();
	}

	@Test
	void anApplicationIsStoredAndAnnouncedWithWhereItCameFrom() {
		String number = newCorporateNumber();
		// As the gateway (a trusted proxy on loopback) passes it on: what the applicant wrote itself
		// (198.51.100.66), then the address the gateway saw; only the latter counts.
		ApiClient.Response created = anonymous().header("X-Forwarded-For", "198.51.100.66, 203.0.113.7")
			.header("User-Agent", "Mozilla/5.0 (X11; CX portal test)")
			.post("/api/v1/registrations", application(number));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("status")).isEqualTo("SUBMITTED");
		String id = created.text("id");
		assertThat(created.header("Location")).endsWith("/api/v1/registrations/" + id);

		TopicProbe.Event event = TopicProbe.await("registration-submitted", (e) -> id.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.REGISTRATION_SUBMITTED.ceType());
		assertThat(event.headers()).containsEntry("ce_source", "/cx/registration-service");
		JsonNode body = event.body();
		assertThat(body.path("applicationId").asString()).isEqualTo(id);
		assertThat(body.path("companyName").asString()).isEqualTo("株式会社テスト商事");
		assertThat(body.path("corporateNumber").asString()).isEqualTo(number);
		assertThat(body.path("termsVersion").asString()).isEqualTo("1");
		assertThat(body.path("termsAcceptedAt").asString()).isNotBlank();
		assertThat(body.path("clientIp").asString()).isEqualTo("203.0.113.7");
		assertThat(body.path("userAgent").asString()).isEqualTo("Mozilla/5.0 (X11; CX portal test)");
		assertThat(body.path("preferredLanguage").asString()).isEqualTo("ja");

		ApiClient.Response review = operator().get("/api/v1/registrations/" + id);
		assertThat(review.status()).isEqualTo(200);
		assertThat(review.json().path("company").path("name").asString()).isEqualTo("株式会社テスト商事");
		assertThat(review.json().path("agreement").path("clientIp").asString()).isEqualTo("203.0.113.7");
	}

	@Test
	void withoutAProxyTheClientIsThePeer() {
		String id = apply(newCorporateNumber());
		TopicProbe.Event event = TopicProbe.await("registration-submitted", (e) -> id.equals(e.key()));
		assertThat(event.body().path("clientIp").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void fullWidthInputIsNormalisedSoTheSameCompanyCannotApplyTwice() {
		String number = newCorporateNumber();
		Map<String, Object> fullWidth = application(toFullWidth(number));
		@SuppressWarnings("unchecked")
		Map<String, Object> company = (Map<String, Object>) fullWidth.get("company");
		company.put("postalCode", "１００－０００１");
		ApiClient.Response first = anonymous().post("/api/v1/registrations", fullWidth);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		ApiClient.Response stored = operator().get("/api/v1/registrations/" + first.text("id"));
		assertThat(stored.json().path("company").path("corporateNumber").asString()).isEqualTo(number);
		assertThat(stored.json().path("company").path("postalCode").asString()).isEqualTo("100-0001");

		ApiClient.Response second = anonymous().post("/api/v1/registrations", application(number));
		assertThat(second.status()).as(second.toString()).isEqualTo(409);
		assertThat(second.text("type")).endsWith("/corporate-number-registered");
		assertThat(storedWithCorporateNumber(number)).isEqualTo(1);
	}

	@Test
	void anActivePartnerCannotApplyAgainButARejectedApplicantCan() {
		String number = newCorporateNumber();
		String rejected = apply(number);
		assertThat(operator().post("/api/v1/registrations/" + rejected + "/rejection",
				Map.of("reason", "登記事項証明書の添付がありません")).status()).isEqualTo(200);

		String second = apply(number);
		approve(second);
		ApiClient.Response third = anonymous().post("/api/v1/registrations", application(number));
		assertThat(third.status()).isEqualTo(409);
		assertThat(storedWithCorporateNumber(number)).isEqualTo(2);
	}

	@Test
	void concurrentApplicationsOfOneCompanyLeaveOneOpen() throws Exception {
		String number = newCorporateNumber();
		List<Integer> statuses = race(8, () -> anonymous().post("/api/v1/registrations", application(number)).status());
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(storedWithCorporateNumber(number)).isEqualTo(1);
	}

	@Test
	void approvalMakesAPartnerAndAnnouncesItKeyedByPartnerId() {
		String id = apply(newCorporateNumber());
		ApiClient.Response approved = operator().post("/api/v1/registrations/" + id + "/approval", "{}");
		assertThat(approved.status()).isEqualTo(200);
		String partnerId = approved.text("partnerId");
		assertThat(partnerId).isNotBlank();

		TopicProbe.Event event = TopicProbe.await("partner-approved", (e) -> partnerId.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.PARTNER_APPROVED.ceType());
		assertThat(event.headers()).containsEntry("ce_subject", partnerId);
		assertThat(event.body().path("applicationId").asString()).isEqualTo(id);
		assertThat(event.body().path("contactEmail").asString()).isEqualTo("sato@example.co.jp");
		assertThat(event.body().path("contactName").asString()).isEqualTo("佐藤 花子");
		assertThat(event.body().path("preferredLanguage").asString()).isEqualTo("ja");
		assertThat(event.body().path("termsVersion").asString()).isEqualTo("1");
		assertThat(event.body().path("termsAcceptedAt").asString()).isNotBlank();
		assertThat(event.body().path("approvedBy").asString()).isEqualTo("operator");

		ApiClient.Response partner = operator().get("/api/v1/partners/" + partnerId);
		assertThat(partner.status()).isEqualTo(200);
		assertThat(partner.text("status")).isEqualTo("ACTIVE");
		assertThat(operator().get("/api/v1/registrations/" + id).text("status")).isEqualTo("APPROVED");
	}

	@Test
	void anApplicationIsDecidedOnce() {
		String id = apply(newCorporateNumber());
		approve(id);
		ApiClient.Response again = operator().post("/api/v1/registrations/" + id + "/approval", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("type")).endsWith("/already-decided");
		ApiClient.Response rejection = operator().post("/api/v1/registrations/" + id + "/rejection",
				Map.of("reason", "二重の判断"));
		assertThat(rejection.status()).isEqualTo(409);
		assertThat(operator().get("/api/v1/registrations/" + id).text("status")).isEqualTo("APPROVED");
	}

	@Test
	void twoOperatorsApprovingAtOnceCreateExactlyOnePartner() throws Exception {
		String id = apply(newCorporateNumber());
		List<ApiClient.Response> answers = race(8,
				() -> operator().post("/api/v1/registrations/" + id + "/approval", "{}"));

		assertThat(answers).extracting(ApiClient.Response::status).containsOnly(200, 409);
		List<ApiClient.Response> winners = answers.stream().filter((r) -> r.status() == 200).toList();
		assertThat(winners).hasSize(1);
		String partnerId = winners.get(0).text("partnerId");
		assertThat(operator().get("/api/v1/registrations/" + id).json().path("partnerId").asString())
			.isEqualTo(partnerId);

		TopicProbe.await("partner-approved", (e) -> partnerId.equals(e.key()));
		List<TopicProbe.Event> approvals = TopicProbe.all("partner-approved",
				(e) -> id.equals(e.body().path("applicationId").asString()));
		assertThat(approvals).hasSize(1);
	}

	@Test
	void rejectionIsAnnouncedWithTheReason() {
		String id = apply(newCorporateNumber());
		ApiClient.Response rejected = operator().header("Accept-Language", "en")
			.post("/api/v1/registrations/" + id + "/rejection", Map.of("reason", "登記事項証明書の添付がありません"));
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.text("status")).isEqualTo("REJECTED");

		TopicProbe.Event event = TopicProbe.await("registration-rejected", (e) -> id.equals(e.key()));
		assertThat(event.ceType()).isEqualTo(EventType.REGISTRATION_REJECTED.ceType());
		assertThat(event.body().path("reason").asString()).isEqualTo("登記事項証明書の添付がありません");
		assertThat(event.body().path("contactEmail").asString()).isEqualTo("sato@example.co.jp");
		assertThat(event.body().path("rejectedBy").asString()).isEqualTo("operator");
	}

	@Test
	void aRejectionNeedsAReason() {
		String id = apply(newCorporateNumber());
		ApiClient.Response rejected = operator().post("/api/v1/registrations/" + id + "/rejection",
				Map.of("reason", " "));
		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
		assertThat(operator().get("/api/v1/registrations/" + id).text("status")).isEqualTo("SUBMITTED");
	}

	@Test
	void operatorsListApplicationsByStatusPageByPage() {
		String first = apply(newCorporateNumber());
		String second = apply(newCorporateNumber());
		ApiClient.Response all = operator().get("/api/v1/registrations?status=SUBMITTED&size=100");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
		List<String> ids = new ArrayList<>();
		all.json().path("items").forEach((item) -> {
			assertThat(item.path("status").asString()).isEqualTo("SUBMITTED");
			ids.add(item.path("id").asString());
		});
		assertThat(ids).contains(first, second);

		ApiClient.Response page = operator().get("/api/v1/registrations?status=SUBMITTED&page=0&size=1");
		assertThat(page.json().path("items").size()).isEqualTo(1);
		assertThat(page.json().path("size").asInt()).isEqualTo(1);
		approve(second);
		ApiClient.Response approved = operator().get("/api/v1/registrations?status=APPROVED&size=100");
		List<String> approvedIds = new ArrayList<>();
		approved.json().path("items").forEach((item) -> approvedIds.add(item.path("id").asString()));
		assertThat(approvedIds).contains(second).doesNotContain(first);
	}

	@Test
	void listingParametersAreChecked() {
		assertThat(operator().get("/api/v1/registrations?status=UNKNOWN").status()).isEqualTo(400);
		assertThat(operator().get("/api/v1/registrations?size=1000").status()).isEqualTo(422);
		assertThat(operator().get("/api/v1/registrations?page=-1").status()).isEqualTo(422);
		assertThat(operator().get("/api/v1/registrations/no-such-application").status()).isEqualTo(404);
		assertThat(operator().post("/api/v1/registrations/no-such-application/approval", "{}").status())
			.isEqualTo(404);
	}

	private static <T> List<T> race(int parties, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(parties);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < parties; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String toFullWidth(String digits) {
		StringBuilder wide = new StringBuilder();
		digits.chars().forEach((c) -> wide.append((char) (c - '0' + '０')));
		return wide.toString();
	}
}
