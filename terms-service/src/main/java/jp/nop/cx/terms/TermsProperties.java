package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of terms-service ({@code cx.terms.*}, e.g. {@code CX_TERMS_SEED_EFFECTIVE_FROM}).
 *
 * @param seedResource the terms published as the first version at first start (preamble)
 * @param seedVersion the version name of the seed
 * @param seedEffectiveFrom when the seed took effect; fixed so that every instance seeds the same
 * document, and in the past so that terms are in force from the first start
 * @param publicationGrace how far in the past an operator may still date a new version's
 * effectiveFrom (the time the request took to arrive), beyond which 422
 * @param maxBodySize the largest terms body accepted, in UTF-8 bytes (413 beyond)
 */
@ConfigurationProperties("cx.terms")
@Validated
public record TermsProperties(@DefaultValue("classpath:terms/seed-terms.ja.md") @NotNull Resource seedResource,
		@DefaultValue("1") @NotBlank String seedVersion,
		@DefaultValue("2026-04-01T00:00:00+09:00") @NotNull Instant seedEffectiveFrom,
		@DefaultValue("1m") @NotNull Duration publicationGrace, @DefaultValue("1MB") @NotNull DataSize maxBodySize) {
}
