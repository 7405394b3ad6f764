package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/**
 * Art. 7.2: NOP warned the partner, about its use as a whole ({@code all}) or about the named
 * capabilities; the notice says which.
 */
public record PartnerWarned(String partnerId, String caseId, String measureId, String category, boolean all,
		List<Capability> capabilities, String note, Instant issuedAt) implements CxEvent {

	/** A warning about the partner's use as a whole. */
	public PartnerWarned(String partnerId, String caseId, String measureId, String category, String note,
			Instant issuedAt) {
		this(partnerId, caseId, measureId, category, true, List.of(), note, issuedAt);
	}

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
