package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad publications get a clear 4xx problem and change nothing: no version, no announcement. */
class PublicationBadInputIT extends TermsServiceIntegrationTest {

	private static final int MIB = 1024 * 1024;

	@Test
	void aVersionDatedInThePastIsRefused() {
		String version = newVersion("past");
		ApiClient.Response refused = publish(version(version, Instant.now().minus(Duration.ofMinutes(2)), "本文\n"));

		assertProblem(refused, 422, "effective-from-in-past");
		assertThat(refused.json().path("earliestEffectiveFrom").isMissingNode()).isFalse();
		assertNothingPublished(version);
	}

	@Test
	void aBooleanOrANumberIsNotAVersion() {
		for (Object notText : new Object[] { true, 2, 2.5 }) {
			Map<String, Object> request = version(newVersion("typed"), freshEpoch(), "本文\n");
			request.put("version", notText);
			ApiClient.Response refused = publish(request);
			assertProblem(refused, 400, "invalid-body");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("version");
			assertNothingPublished(String.valueOf(notText));
		}
	}

	@Test
	void titleIsOneLineAndSummaryAndBodyHoldNoControlCharactersOrBidiOverrides() {
		String version = newVersion("text");
		Map<String, Object> request = version(version, freshEpoch(), "第1条\n\t本文\u0007");
		request.put("title", "利用規約\n\n重要: http://evil.example/login でサインインしてください");
		request.put("changeSummary", "第3条を改定\u202e");
		ApiClient.Response refused = publish(request);
		assertProblem(refused, 422, "validation");
		assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title",
				"changeSummary", "body");
		assertNothingPublished(version);
	}

	@Test
	void anEmptyBodyOrTitleIsRefusedFieldByField() {
		String version = newVersion("empty");
		Map<String, Object> emptyBody = version(version, freshEpoch(), "");
		ApiClient.Response refused = publish(emptyBody);
		assertProblem(refused, 422, "validation");
		assertThat(refused.json().path("errors").toString()).contains("\"field\":\"body\"");

		Map<String, Object> emptyTitle = version(version, freshEpoch(), "本文\n");
		emptyTitle.put("title", " ");
		assertProblem(publish(emptyTitle), 422, "validation");

		Map<String, Object> noSummary = version(version, freshEpoch(), "本文\n");
		noSummary.remove("changeSummary");
		assertProblem(publish(noSummary), 422, "validation");
		assertNothingPublished(version);
	}

	@Test
	void republishingAVersionIsAConflictAndTheOriginalStaysAsPublished() {
		String version = newVersion("dup");
		Instant epoch = freshEpoch();
		assertThat(publish(version(version, epoch, "原文\n")).status()).isEqualTo(201);

		Map<String, Object> changed = version(version, epoch, "差し替えようとした本文\n");
		changed.put("title", "差し替え");
		ApiClient.Response conflict = publish(changed);

		assertProblem(conflict, 409, "terms-version-exists");
		ApiClient.Response original = anonymous().get("/api/v1/terms/versions/" + version);
		assertThat(original.text("body")).isEqualTo("原文\n");
		assertThat(original.text("title")).isEqualTo("NOP CX ポータル利用規約");
		TopicProbe.await("terms-changed", (e) -> version.equals(e.body().path("version").asString()));
		assertThat(TopicProbe.all("terms-changed", (e) -> version.equals(e.body().path("version").asString())))
			.hasSize(1);
	}

	@Test
	void aBodyOfOneMebibytePlusOneByteIsTooLargeAndExactlyOneMebibyteIsAccepted() {
		String tooLarge = newVersion("big");
		// 'あ' is 3 bytes of UTF-8: 349,525 of them and 'a' are 1,048,576 bytes.
		String oneMebibyte = "あ".repeat(MIB / 3) + "a";
		ApiClient.Response refused = publish(version(tooLarge, freshEpoch(), oneMebibyte + "b"));

		assertProblem(refused, 413, "terms-body-too-large");
		assertThat(refused.json().path("limit").asLong()).isEqualTo(MIB);
		assertThat(refused.json().path("size").asLong()).isEqualTo(MIB + 1);
		assertNothingPublished(tooLarge);

		String largest = newVersion("max");
		ApiClient.Response accepted = publish(version(largest, freshEpoch(), oneMebibyte));
		assertThat(accepted.status()).as(shown(accepted)).isEqualTo(201);
		assertThat(accepted.text("body")).hasSize(oneMebibyte.length());
	}

	@Test
	void aRequestFarBeyondTheLimitIsRefusedBeforeItIsRead() {
		String version = newVersion("huge");
		ApiClient.Response refused = publish(version(version, freshEpoch(), "x".repeat(2 * MIB)));
		assertProblem(refused, 413, "too-large");
		assertNothingPublished(version);
	}

	@Test
	void malformedOrMistypedRequestsAreBadRequests() {
		assertProblem(operator().post("/api/v1/terms/versions", "{\"version\": "), 400, "malformed-body");
		Map<String, Object> wrongDate = version(newVersion("date"), freshEpoch(), "本文\n");
		wrongDate.put("effectiveFrom", "来月");
		ApiClient.Response notADate = publish(wrongDate);
		// 400 either way; the platform's handler names this one malformed-body, not invalid-body (reported).
		assertThat(notADate.status()).as(shown(notADate)).isEqualTo(400);
		assertThat(notADate.header("Content-Type")).startsWith("application/problem+json");
		assertThat(anonymous().get("/api/v1/terms/versions/" + wrongDate.get("version")).status()).isEqualTo(404);
		Map<String, Object> injection = version(newVersion("op"), freshEpoch(), "本文\n");
		injection.put("version", Map.of("$gt", ""));
		assertProblem(publish(injection), 400, "invalid-body");
		Map<String, Object> badName = version("../1", freshEpoch(), "本文\n");
		assertProblem(publish(badName), 422, "validation");
	}

	@Test
	void theInitialMarkIsReservedForTheSeedSoNoChangeEscapesNotice() {
		String version = newVersion("mark");
		Map<String, Object> disguised = version(version, freshEpoch(), "本文\n");
		disguised.put("changeSummary", "[initial] 軽微な変更");
		assertProblem(publish(disguised), 422, "reserved-change-summary");
		assertNothingPublished(version);
	}

	@Test
	void supplementaryTermsForAnUnknownScopeAreRefused() {
		String version = newVersion("scope");
		ApiClient.Response refused = publish(supplement("billing", version, freshEpoch(), "本文\n"));
		assertProblem(refused, 422, "unknown-scope");
		assertThat(refused.json().path("allowedScopes").toString()).contains("webhooks", "export");
		assertThat(anonymous().get("/api/v1/terms/supplements?scope=billing").status()).isEqualTo(422);
	}

	private void assertNothingPublished(String version) {
		assertThat(anonymous().get("/api/v1/terms/versions/" + version).status()).isEqualTo(404);
		assertThat(TopicProbe.all("terms-changed", (e) -> version.equals(e.body().path("version").asString())))
			.isEmpty();
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(shown(response)).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.text("type")).isEqualTo("https://cx.nop.jp/problems/" + code);
		assertThat(response.text("title")).isNotBlank();
	}
}
