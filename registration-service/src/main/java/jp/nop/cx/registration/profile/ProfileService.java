package jp.nop.cx.registration.profile;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.Company;
import jp.nop.cx.registration.partner.CorporateNumber;
import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.PartnerRepository;
import jp.nop.cx.registration.partner.PartnerStatus;
import jp.nop.cx.registration.partner.PartnerView;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The partner's registration information (Art. 3): read by the partner and NOP, kept current by the partner. */
@Service
public class ProfileService {

	private final PartnerRepository partners;

	private final MongoTemplate mongo;

	private final Clock clock;

	ProfileService(PartnerRepository partners, MongoTemplate mongo, Clock clock) {
		this.partners = partners;
		this.mongo = mongo;
		this.clock = clock;
	}

	public PartnerView get(String partnerId) {
		return PartnerView.of(find(partnerId));
	}

	/** Art. 3: the partner's administrator changes the registration; {@code partner-updated} if anything changed. */
	public PartnerView update(String partnerId, RegistrationInfoPatch patch, String actor) {
		Partner partner = find(partnerId);
		if (partner.updateRegistrationInfo(patch.applyTo(partner.company()), patch.applyTo(partner.representative()),
				patch.applyTo(partner.contact()), patch.applyTo(partner.preferredLanguage()), actor,
				this.clock.instant())) {
			partner = this.partners.save(partner);
		}
		return PartnerView.of(partner);
	}

	public Listing<PartnerView> list(PartnerListStatus status, String q, String corporateNumber, int page, int size) {
		Criteria criteria = (status != null) ? Criteria.where("status").is(status.status())
				: Criteria.where("status")
					.in(PartnerStatus.APPROVED, PartnerStatus.TERMINATION_SCHEDULED, PartnerStatus.TERMINATED);
		if (q != null && !q.isBlank()) {
			// Quoted: what the operator types is text to find, never a pattern or an operator.
			criteria = criteria.and("searchName").regex(Pattern.quote(Company.searchKey(q)));
		}
		if (corporateNumber != null && !corporateNumber.isBlank()) {
			criteria = criteria.and("company.corporateNumber")
				.is(CorporateNumber.normalize(corporateNumber));
		}
		Query query = Query.query(criteria);
		long total = this.mongo.count(query, Partner.class);
		List<PartnerView> items = this.mongo
			.find(query.with(Sort.by("decision.decidedAt", "_id")).skip((long) page * size).limit(size),
					Partner.class)
			.stream()
			.map(PartnerView::of)
			.toList();
		return new Listing<>(items, total, page, size);
	}

	private Partner find(String partnerId) {
		return this.partners.findByPartnerId(partnerId).orElseThrow(() -> RuleViolation.notFound("partner"));
	}
}
