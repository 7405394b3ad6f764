package jp.nop.cx.terms.partner;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner as this service knows it from registration-service's events: whom the terms in force
 * bind (active) and whom they no longer do (terminated, Art. 12).
 */
@Document(KnownPartner.COLLECTION)
public record KnownPartner(@Id String partnerId, String companyName, boolean active, Instant approvedAt,
		Instant terminatedAt, Instant transferredAt) {

	static final String COLLECTION = "partners";
}
