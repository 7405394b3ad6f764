package jp.nop.cx.terms.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jp.nop.cx.terms.TermsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Preamble: the terms are in force from the first start. Publishes the bundled terms as the
 * first version, once, however many instances start together (the insert is keyed by version,
 * so only one succeeds and only that one emits {@code terms-changed}). Runs before the service
 * reports ready.
 */
@Component
class SeedTerms implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedTerms.class);

	private final TermsCatalog catalog;

	private final TermsProperties properties;

	SeedTerms(TermsCatalog catalog, TermsProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		String body = read();
		if (this.catalog.seed(this.properties.seedVersion(), titleOf(body), body, "ja",
				this.properties.seedEffectiveFrom())) {
			log.info("Seeded terms version {} from {}, effective from {}", this.properties.seedVersion(),
					this.properties.seedResource().getDescription(), this.properties.seedEffectiveFrom());
		}
	}

	/** The text of the first Markdown heading: the terms name themselves there. */
	static String titleOf(String markdown) {
		return markdown.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith("#"))
			.map((line) -> line.replaceFirst("^#+", "").strip())
			.filter((title) -> !title.isEmpty())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The seed terms have no heading to take the title from"));
	}

	private String read() {
		try (InputStream in = this.properties.seedResource().getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the seed terms " + this.properties.seedResource(), ex);
		}
	}
}
