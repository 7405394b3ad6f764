package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/** Art. 7.5: the measures of a case were lifted. */
public record PartnerReinstated(String partnerId, String caseId, List<String> measureIds, String note,
		Instant reinstatedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
