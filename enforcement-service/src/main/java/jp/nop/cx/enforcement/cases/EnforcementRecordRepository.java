package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The partners' enforcement records, by partner ID. */
interface EnforcementRecordRepository extends MongoRepository<EnforcementRecord, String> {

	Optional<EnforcementRecord> findByCasesCaseId(String caseId);

	/** Records with measures due to lift, a batch at a time. */
	List<EnforcementRecord> findTop100ByNextLiftAtLessThanEqual(Instant now);
}
