package jp.nop.cx.registration.terms;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A base terms version as terms-service announced it: in force from {@code effectiveFrom}. */
@Document("terms_versions")
public record TermsVersion(@Id String version, Instant effectiveFrom, Instant publishedAt) {
}
