package jp.nop.cx.events;

import java.time.Instant;

/** Art. 4.5: a login ID was deleted (dormant, removed by its administrator, or partnership ended). */
public record CredentialDeleted(String partnerId, String loginId, String reason, Instant lastUsedAt,
		Instant deletedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
