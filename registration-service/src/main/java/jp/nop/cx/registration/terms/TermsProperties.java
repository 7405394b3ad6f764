package jp.nop.cx.registration.terms;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param seedTermsVersion the version in force before any {@code terms-changed} event arrived:
 * the seed terms terms-service publishes at its first start
 */
@ConfigurationProperties("cx.registration")
@Validated
public record TermsProperties(@DefaultValue("1") @NotBlank String seedTermsVersion) {
}
