package jp.nop.cx.registration.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.PartnerRepository;
import jp.nop.cx.registration.partner.TermsAcceptance;
import jp.nop.cx.registration.terms.TermsInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Applying (Art. 3) and NOP's review (Art. 2.1). */
@Service
public class ApplicationService {

	private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

	private final PartnerRepository partners;

	private final MongoTemplate mongo;

	private final TermsInForce terms;

	private final Clock clock;

	ApplicationService(PartnerRepository partners, MongoTemplate mongo, TermsInForce terms, Clock clock) {
		this.partners = partners;
		this.mongo = mongo;
		this.terms = terms;
		this.clock = clock;
	}

	/** Stores the application with its {@code registration-submitted} event, or refuses it whole. */
	public Partner submit(ApplicationForm form, String clientIp, String userAgent) {
		Instant now = this.clock.instant();
		Partner application = Partner.apply(UUID.randomUUID().toString(), form.company().toCompany(),
				form.representative().toRepresentative(), form.contact().toContact(), form.preferredLanguage(),
				new TermsAcceptance(form.agreement().termsVersion(), form.agreement().accepted(), clientIp, userAgent),
				this.terms.versionAt(now), now);
		try {
			return this.partners.insert(application);
		}
		catch (DuplicateKeyException ex) {
			// The unique index on the open/active corporate number: another application won, maybe just now.
			throw RuleViolation.conflict("corporate-number-registered",
					application.company().corporateNumber());
		}
	}

	public Listing<ApplicationView> list(ApplicationStatus status, int page, int size) {
		Query query = (status != null) ? Query.query(Criteria.where("status").in(status.statuses())) : new Query();
		long total = this.mongo.count(query, Partner.class);
		List<ApplicationView> items = this.mongo
			.find(query.with(Sort.by("submittedAt", "_id")).skip((long) page * size).limit(size), Partner.class)
			.stream()
			.map(ApplicationView::of)
			.toList();
		return new Listing<>(items, total, page, size);
	}

	public ApplicationView get(String id) {
		return ApplicationView.of(find(id));
	}

	/**
	 * Art. 2.1: the applicant becomes a partner. Two operators deciding at once: the version check
	 * of the save lets one win; the other gets 409.
	 */
	public String approve(String id, String operator) {
		Partner partner = find(id);
		partner.approve(UUID.randomUUID().toString(), operator, this.clock.instant());
		this.partners.save(partner);
		log.info("Application {} approved by {}: partner {}", id, operator, partner.partnerId());
		return partner.partnerId();
	}

	public ApplicationView reject(String id, String reason, String operator) {
		Partner partner = find(id);
		partner.reject(reason, operator, this.clock.instant());
		Partner saved = this.partners.save(partner);
		log.info("Application {} rejected by {}", id, operator);
		return ApplicationView.of(saved);
	}

	private Partner find(String id) {
		return this.partners.findById(id).orElseThrow(() -> RuleViolation.notFound("application"));
	}
}
