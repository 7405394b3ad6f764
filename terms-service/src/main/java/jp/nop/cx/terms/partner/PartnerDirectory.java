package jp.nop.cx.terms.partner;

import java.util.Collection;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTransferred;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The partners and whether they are active. Kept by upserts keyed by partner ID, so events
 * replayed or arriving out of order between topics leave the same state: a termination is never
 * undone by a late approval.
 */
@Service
public class PartnerDirectory {

	private final MongoTemplate mongo;

	PartnerDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Art. 2.1: approved, the applicant is a partner bound by the terms. */
	public void approved(PartnerApproved approved) {
		upsert(approved.partnerId(), new Update().set("companyName", approved.companyName())
			.set("approvedAt", approved.approvedAt())
			.setOnInsert("active", true));
	}

	/** Art. 12: the partnership ended; the terms in force no longer concern this partner. */
	public void terminated(PartnerTerminated terminated) {
		upsert(terminated.partnerId(),
				new Update().set("active", false).set("terminatedAt", terminated.terminatedAt()));
	}

	/**
	 * Art. 17: the transferee stands in the partner's place, under the same partner ID and bound by
	 * what the partner accepted.
	 */
	public void transferred(PartnerTransferred transferred) {
		upsert(transferred.partnerId(), new Update().set("companyName", transferred.companyName())
			.set("transferredAt", transferred.transferredAt())
			.setOnInsert("active", true));
	}

	/** Active partners not among {@code excluded}, oldest partner first. */
	public Page<KnownPartner> activeExcept(Collection<String> excluded, int page, int size) {
		Criteria criteria = Criteria.where("active").is(true).and("_id").nin(excluded);
		long total = this.mongo.count(Query.query(criteria), KnownPartner.class);
		PageRequest request = PageRequest.of(page, size, Sort.by("approvedAt", "_id"));
		return new PageImpl<>(this.mongo.find(Query.query(criteria).with(request), KnownPartner.class), request,
				total);
	}

	/** How many active partners are not among {@code excluded}. */
	public long countActiveExcept(Collection<String> excluded) {
		return this.mongo.count(Query.query(Criteria.where("active").is(true).and("_id").nin(excluded)),
				KnownPartner.class);
	}

	public long countActive() {
		return this.mongo.count(Query.query(Criteria.where("active").is(true)), KnownPartner.class);
	}

	private void upsert(String partnerId, Update update) {
		Query query = Query.query(Criteria.where("_id").is(partnerId));
		try {
			this.mongo.upsert(query, update, KnownPartner.class);
		}
		catch (DuplicateKeyException ex) {
			// Two upserts of a new partner raced; the document exists now, so this one updates it.
			this.mongo.upsert(query, update, KnownPartner.class);
		}
	}
}
