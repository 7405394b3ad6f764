package jp.nop.cx.terms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.nop.cx.events.EventType;
import jp.nop.cx.terms.version.TermsVersion;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** Preamble: the bundled terms are version 1 from the first start, announced once. */
class SeedTermsIT extends TermsServiceIntegrationTest {

	@Autowired
	@Qualifier("seedTerms")
	private ApplicationRunner seed;

	@Test
	void theBundledTermsAreVersionOneInForceSinceTheConfiguredInstant() throws IOException {
		String bundled = bundledTerms();

		ApiClient.Response one = anonymous().get("/api/v1/terms/versions/1");

		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(one.text("title")).isEqualTo("NOP CX ポータル利用規約");
		assertThat(one.text("body")).isEqualTo(bundled);
		assertThat(one.text("sha256")).isEqualTo(TermsVersion.sha256(bundled));
		assertThat(one.text("language")).isEqualTo("ja");
		assertThat(one.text("effectiveFrom")).isEqualTo("2026-03-31T15:00:00Z");
		assertThat(one.json().path("initial").asBoolean()).isTrue();
	}

	@Test
	void theSeedIsAnnouncedOnceAsTheInitialVersionEvenWhenSeedingRunsAgain() throws Exception {
		TopicProbe.await("terms-changed", (e) -> "1".equals(e.body().path("version").asString()));

		// A second instance starting (or this one restarting) seeds again: nothing changes.
		this.seed.run(new DefaultApplicationArguments());

		List<TopicProbe.Event> announced = TopicProbe.all("terms-changed",
				(e) -> "1".equals(e.body().path("version").asString()) && e.body().path("scope").isNull());
		assertThat(announced).singleElement().satisfies((event) -> {
			assertThat(event.key()).isEqualTo("base");
			assertThat(event.ceType()).isEqualTo(EventType.TERMS_CHANGED.ceType());
			assertThat(event.headers()).containsEntry("ce_subject", "1").containsEntry("ce_source", "/cx/terms-service");
			assertThat(event.body().path("kind").asString()).isEqualTo("BASE");
			assertThat(event.body().path("changeSummary").asString()).startsWith(TermsVersion.INITIAL_MARK);
			assertThat(event.body().path("effectiveFrom").asString()).isEqualTo("2026-03-31T15:00:00Z");
		});
	}

	private static String bundledTerms() throws IOException {
		try (InputStream in = SeedTermsIT.class.getResourceAsStream("/terms/seed-terms.ja.md")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
