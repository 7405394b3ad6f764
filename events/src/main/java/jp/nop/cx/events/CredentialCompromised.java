package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/** Art. 4.3: a partner reported loss, theft or misuse of IDs; the operator is alerted. */
public record CredentialCompromised(String partnerId, String incidentId, String type, List<String> loginIds,
		String reportedBy, String detail, Instant reportedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
