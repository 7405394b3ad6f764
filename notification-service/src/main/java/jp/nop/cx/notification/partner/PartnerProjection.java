package jp.nop.cx.notification.partner;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a partner, from events only (no synchronous call per event): where
 * and in which language to notify it, and whether it is active (Art. 16.2 goes to every active
 * partner).
 *
 * @param profileAsOf time of the event the profile fields come from; older events do not overwrite it
 */
@Document("partners")
public record PartnerProjection(@Id String partnerId, String companyName, String contactName, String contactEmail,
		String preferredLanguage, @Indexed PartnerStatus status, LocalDate terminationScheduledOn,
		LocalDate terminatedOn, Instant profileAsOf, Instant updatedAt) {

	public boolean isActive() {
		return this.status == PartnerStatus.ACTIVE;
	}
}
