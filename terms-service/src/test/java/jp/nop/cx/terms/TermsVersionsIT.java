package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;

import jp.nop.cx.events.EventType;
import jp.nop.cx.terms.version.TermsVersion;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 16.1, 16.2: publishing versions, which one is in force, and what changed. */
class TermsVersionsIT extends TermsServiceIntegrationTest {

	@Test
	void aVersionIsInForceFromExactlyItsEffectiveFromAndNotOneNanosecondBefore() {
		Instant epoch = freshEpoch();
		String first = newVersion("A");
		String second = newVersion("B");
		this.clock.set(epoch.minus(Duration.ofDays(1)));
		String before = anonymous().get("/api/v1/terms/current").text("version");

		// Two versions scheduled in the future, published in advance (Art. 16.2: notice first).
		assertThat(publish(version(first, epoch, "第1条（本規約の範囲）\n初版の本文\n")).status()).isEqualTo(201);
		ApiClient.Response scheduled = publish(version(second, epoch.plus(Duration.ofDays(10)), "第1条\n改定後の本文\n"));
		assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
		assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
		assertThat(scheduled.header("Location")).isEqualTo("/api/v1/terms/versions/" + second);
		JsonNode list = anonymous().get("/api/v1/terms/versions").json();
		assertThat(list.path("current").asString()).isEqualTo(before);
		assertThat(list.path("scheduled").toString()).contains(first, second);

		this.clock.set(epoch.minusNanos(1));
		assertThat(anonymous().get("/api/v1/terms/current").text("version")).isEqualTo(before);
		assertThat(anonymous().get("/api/v1/terms/versions/" + first).text("status")).isEqualTo("SCHEDULED");

		this.clock.set(epoch);
		ApiClient.Response current = anonymous().get("/api/v1/terms/current");
		assertThat(current.text("version")).isEqualTo(first);
		assertThat(current.text("effectiveFrom")).isEqualTo(epoch.toString());
		assertThat(current.header("ETag")).isEqualTo("\"" + current.text("sha256") + "\"");

		this.clock.set(epoch.plus(Duration.ofDays(10)).minusNanos(1));
		assertThat(anonymous().get("/api/v1/terms/current").text("version")).isEqualTo(first);

		this.clock.set(epoch.plus(Duration.ofDays(10)));
		assertThat(anonymous().get("/api/v1/terms/current").text("version")).isEqualTo(second);
		assertThat(anonymous().get("/api/v1/terms/versions/" + first).text("status")).isEqualTo("SUPERSEDED");
	}

	@Test
	void ofTwoVersionsEffectiveAtTheSameInstantTheLaterPublishedIsInForce() {
		Instant epoch = freshEpoch();
		String original = newVersion("C");
		String correction = newVersion("D");
		this.clock.set(epoch.minus(Duration.ofHours(1)));
		assertThat(publish(version(original, epoch, "本文（誤記あり）\n")).status()).isEqualTo(201);
		assertThat(publish(version(correction, epoch, "本文（誤記訂正）\n")).status()).isEqualTo(201);

		this.clock.set(epoch);
		assertThat(anonymous().get("/api/v1/terms/current").text("version")).isEqualTo(correction);
	}

	@Test
	void publicationAnnouncesTheChangeKeyedAsTheTerms() {
		Instant epoch = freshEpoch();
		String next = newVersion("E");
		ApiClient.Response published = publish(version(next, epoch, "第16条（本規約の変更）\n変更後の本文\n"));
		assertThat(published.status()).as(published.toString()).isEqualTo(201);

		TopicProbe.Event event = TopicProbe.await("terms-changed",
				(e) -> next.equals(e.body().path("version").asString()));

		assertThat(event.key()).isEqualTo("base");
		assertThat(event.ceType()).isEqualTo(EventType.TERMS_CHANGED.ceType()).isEqualTo("jp.nop.cx.terms.changed.v1");
		assertThat(event.headers()).containsEntry("ce_subject", next).containsKey("ce_id").containsKey("ce_time");
		JsonNode body = event.body();
		assertThat(body.path("kind").asString()).isEqualTo("BASE");
		assertThat(body.path("scope").isNull()).isTrue();
		assertThat(Instant.parse(body.path("effectiveFrom").asString())).isEqualTo(epoch);
		assertThat(body.path("title").asString()).isEqualTo("NOP CX ポータル利用規約");
		assertThat(body.path("changeSummary").asString()).isEqualTo("第16条（本規約の変更）の表現を明確にしました。");
		assertThat(body.path("sha256").asString()).isEqualTo(TermsVersion.sha256("第16条（本規約の変更）\n変更後の本文\n"));
		assertThat(body.path("language").asString()).isEqualTo("ja");
		assertThat(body.path("publishedAt").asString()).isEqualTo(published.text("publishedAt"));
	}

	@Test
	void theDiffOfTwoJapaneseVersionsShowsTheChangedLines() {
		Instant epoch = freshEpoch();
		String older = newVersion("F");
		String newer = newVersion("G");
		String olderBody = "## NOP CX ポータル利用規約\n\n### 第16条（本規約の変更）\n\n- NOP は、本規約を変更することができます。\n"
				+ "- 2 NOP は、本規約を変更した場合、パートナーに対して変更内容を通知するものとします。\n";
		String newerBody = "## NOP CX ポータル利用規約\n\n### 第16条（本規約の変更）\n\n- NOP は、本規約を変更することができます。\n"
				+ "- 2 NOP は、本規約を変更した場合、効力発生日までにパートナーに対して変更内容を通知するものとします。\n";
		assertThat(publish(version(older, epoch, olderBody)).status()).isEqualTo(201);
		assertThat(publish(version(newer, epoch.plus(Duration.ofDays(1)), newerBody)).status()).isEqualTo(201);

		ApiClient.Response diff = anonymous().get("/api/v1/terms/versions/" + newer + "/diff?from=" + older);

		assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
		assertThat(diff.header("Content-Type")).startsWith("application/json");
		assertThat(diff.text("from")).isEqualTo(older);
		assertThat(diff.text("to")).isEqualTo(newer);
		assertThat(diff.text("unified")).startsWith("--- terms/" + older + "\n+++ terms/" + newer + "\n@@ ")
			.contains("\n-- 2 NOP は、本規約を変更した場合、パートナーに対して変更内容を通知するものとします。\n")
			.contains("\n+- 2 NOP は、本規約を変更した場合、効力発生日までにパートナーに対して変更内容を通知するものとします。\n");
		JsonNode lines = diff.json().path("hunks").path(0).path("lines");
		assertThat(lines.toString()).contains("\"type\":\"REMOVED\"", "\"type\":\"ADDED\"", "効力発生日までに");

		ApiClient.Response plain = anonymous().header("Accept", "text/plain")
			.get("/api/v1/terms/versions/" + newer + "/diff?from=" + older);
		assertThat(plain.header("Content-Type")).startsWith("text/plain");
		assertThat(plain.raw()).isEqualTo(diff.text("unified"));

		// Without from: against the version that took effect before.
		assertThat(anonymous().get("/api/v1/terms/versions/" + newer + "/diff").text("from")).isEqualTo(older);
		assertThat(anonymous().get("/api/v1/terms/versions/" + newer + "/diff?from=nonexistent").status())
			.isEqualTo(404);
	}

	@Test
	void anUnknownVersionIsNotFound() {
		ApiClient.Response missing = anonymous().header("Accept-Language", "en").get("/api/v1/terms/versions/no-such");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.text("type")).isEqualTo("https://cx.nop.jp/problems/not-found");
		assertThat(missing.text("version")).isEqualTo("no-such");
	}
}
