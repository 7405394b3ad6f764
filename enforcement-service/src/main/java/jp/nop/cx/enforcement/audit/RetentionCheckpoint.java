package jp.nop.cx.enforcement.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where the kept part of the chain begins after retention removed older entries: the last removed
 * entry's sequence and hash, so verification tells removal by retention from removal by anyone else.
 */
@Document(RetentionCheckpoint.COLLECTION)
record RetentionCheckpoint(@Id String id, long throughSequence, String hash, Instant prunedAt) {

	static final String COLLECTION = "audit_checkpoints";

	static final String ID = "retention";
}
