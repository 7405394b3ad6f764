package jp.nop.cx.enforcement.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Art. 7.1, 7.2: an audit entry an operator attached to a case as evidence. The {@code _id} is
 * case and entry together, so attaching the same entry twice changes nothing. The entry is copied
 * (with its sequence and hash, which the chain still vouches for), so evidence outlives the
 * trail's retention.
 */
@Document(CaseEvidence.COLLECTION)
@CompoundIndex(name = "case_attached", def = "{'caseId': 1, 'attachedAt': 1}")
record CaseEvidence(@Id String id, String caseId, String entryId, String attachedBy, Instant attachedAt,
		AuditEntry entry) {

	static final String COLLECTION = "case_audit_evidence";

	static CaseEvidence of(String caseId, AuditEntry entry, String by, Instant at) {
		return new CaseEvidence(caseId + "/" + entry.eventId(), caseId, entry.eventId(), by, at, entry);
	}
}
