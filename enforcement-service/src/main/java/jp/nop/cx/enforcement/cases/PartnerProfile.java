package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/**
 * What this service knows of the partner from registration-service's events: that it exists
 * (partner-approved, partner-transferred) and whether it was terminated (partner-terminated).
 */
public record PartnerProfile(String companyName, Instant knownSince, Instant terminatedAt) {

	public boolean isTerminated() {
		return this.terminatedAt != null;
	}
}
