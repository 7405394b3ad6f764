package jp.nop.cx.terms.acceptance;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Art. 3: where and how an applicant agreed to the terms in the application form, kept until the
 * approval makes the applicant a partner whose acceptance it proves.
 */
@Document("application_evidence")
record ApplicationEvidence(@Id String applicationId, String termsVersion, Instant termsAcceptedAt, String clientIp,
		String userAgent, Instant submittedAt) {
}
