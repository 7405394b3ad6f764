package jp.nop.cx.notification.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.PartnerUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The partner projection: kept up to date from the registration events, read to address notices.
 * Every write is an upsert keyed by partner ID, so a redelivered event changes nothing, and a
 * profile never goes back to an older event's values.
 */
@Service
public class PartnerDirectory {

	private static final Logger log = LoggerFactory.getLogger(PartnerDirectory.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	public PartnerDirectory(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Applies what {@code payload} says about a partner; other events leave the projection alone. */
	public void apply(CxEvent payload, Instant eventTime) {
		if (payload instanceof PartnerApproved e) {
			// Art. 2.1: approved = active.
			profile(e.partnerId(), e.companyName(), e.contactName(), e.contactEmail(), e.preferredLanguage(),
					at(e.approvedAt(), eventTime));
		}
		else if (payload instanceof PartnerUpdated e) {
			profile(e.partnerId(), e.companyName(), e.contactName(), e.contactEmail(), e.preferredLanguage(),
					at(e.updatedAt(), eventTime));
		}
		else if (payload instanceof PartnerTransferred e) {
			// Art. 17: the registration info is now the transferee's.
			profile(e.partnerId(), e.companyName(), e.contactName(), e.contactEmail(), e.preferredLanguage(),
					at(e.transferredAt(), eventTime));
		}
		else if (payload instanceof PartnerTerminationScheduled e) {
			upsert(e.partnerId(), new Update().set("terminationScheduledOn", e.withdrawn() ? null : e.effectiveOn()));
		}
		else if (payload instanceof PartnerTerminated e) {
			// Art. 12: no longer a partner; no further notices addressed to every partner.
			upsert(e.partnerId(), new Update().set("status", PartnerStatus.INACTIVE).set("terminatedOn", e.effectiveOn()));
		}
	}

	public Optional<PartnerProjection> find(String partnerId) {
		if (partnerId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(partnerId, PartnerProjection.class));
	}

	public List<PartnerProjection> findAll(Collection<String> partnerIds) {
		return this.mongo.find(query(where("partnerId").in(partnerIds)), PartnerProjection.class);
	}

	/** One page of active partners in ID order, after {@code afterPartnerId} (null: from the start). */
	public List<PartnerProjection> activeAfter(String afterPartnerId, int limit) {
		Criteria criteria = where("status").is(PartnerStatus.ACTIVE);
		if (afterPartnerId != null) {
			criteria = criteria.and("partnerId").gt(afterPartnerId);
		}
		return this.mongo.find(query(criteria).with(Sort.by("partnerId")).limit(limit), PartnerProjection.class);
	}

	private void profile(String partnerId, String companyName, String contactName, String contactEmail,
			String preferredLanguage, Instant asOf) {
		Query newerOrSame = query(where("partnerId").is(partnerId).and("profileAsOf").lte(asOf));
		Update update = new Update().set("companyName", companyName)
			.set("contactName", contactName)
			.set("contactEmail", contactEmail)
			.set("preferredLanguage", preferredLanguage)
			.set("profileAsOf", asOf)
			.set("updatedAt", this.clock.instant())
			.setOnInsert("status", PartnerStatus.ACTIVE);
		try {
			this.mongo.upsert(newerOrSame, update, PartnerProjection.class);
		}
		catch (DuplicateKeyException stale) {
			// The partner exists with a newer profile: this event came late and changes nothing.
			log.debug("Ignored an older profile event for partner {}", partnerId);
		}
	}

	private void upsert(String partnerId, Update update) {
		update.set("updatedAt", this.clock.instant()).setOnInsert("profileAsOf", Instant.EPOCH);
		if (!update.modifies("status")) {
			update.setOnInsert("status", PartnerStatus.ACTIVE);
		}
		this.mongo.upsert(query(where("partnerId").is(partnerId)), update, PartnerProjection.class);
	}

	private static Instant at(Instant payloadTime, Instant eventTime) {
		return (payloadTime != null) ? payloadTime : (eventTime != null) ? eventTime : Instant.EPOCH;
	}
}
