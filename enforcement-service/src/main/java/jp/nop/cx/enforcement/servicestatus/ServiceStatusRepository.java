package jp.nop.cx.enforcement.servicestatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Declared service-status events. */
interface ServiceStatusRepository extends MongoRepository<ServiceStatusEvent, String> {

	/** Events not over at {@code now}: current and scheduled. */
	@Query("{ 'endedAt': null, $or: [ { 'endsAt': null }, { 'endsAt': { $gt: ?0 } } ] }")
	List<ServiceStatusEvent> findNotOverAt(Instant now, Sort sort);

	/** Events whose state the clock has changed since it was last published, a batch at a time. */
	List<ServiceStatusEvent> findTop100ByAnnouncedStateInAndNextTransitionAtLessThanEqual(Collection<State> states,
			Instant now);
}
