package jp.nop.cx.terms.acceptance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.platform.outbox.OutboxEntries;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.terms.version.SupplementScope;
import jp.nop.cx.terms.version.TermsCatalog;
import jp.nop.cx.terms.version.TermsRef;
import jp.nop.cx.terms.version.Timeline;
import jp.nop.cx.terms.version.VersionStatus;
import jp.nop.cx.terms.version.VersionSummary;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Records that partners accepted the terms: explicitly at application (Art. 3) or in the portal,
 * and deemed by use (Art. 2.2, 16.3). Every signal of acceptance goes through {@link #record},
 * which writes each acceptance once however often and however concurrently it is signalled.
 */
@Service
public class AcceptanceService {

	private static final Logger log = LoggerFactory.getLogger(AcceptanceService.class);

	/** Conditional extensions lost to concurrent ones before giving up (each loss means progress elsewhere). */
	private static final int MAX_ATTEMPTS = 5;

	private final AcceptanceRepository acceptances;

	private final MongoTemplate mongo;

	private final OutboxEntries outbox;

	private final TermsCatalog catalog;

	private final Clock clock;

	AcceptanceService(AcceptanceRepository acceptances, MongoTemplate mongo, OutboxEntries outbox,
			TermsCatalog catalog, Clock clock) {
		this.acceptances = acceptances;
		this.mongo = mongo;
		this.outbox = outbox;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Art. 3: the applicant agreed to the terms in the application; once approved, that is the
	 * partner's explicit acceptance of the version named there, and of the supplementary terms then
	 * in force (Art. 1.2: they form part of the terms).
	 */
	public void recordAtApplication(PartnerApproved approved) {
		Instant acceptedAt = firstNonNull(approved.termsAcceptedAt(), approved.approvedAt(), this.clock.instant());
		Optional<TermsRef> terms = (approved.termsVersion() != null)
				? Optional.of(this.catalog.baseTimeline()
					.find(approved.termsVersion())
					.map(VersionSummary::ref)
					// Not published here (cannot happen unless data was lost): keep the partner's word anyway.
					.orElseGet(() -> new TermsRef(null, approved.termsVersion(), null)))
				: this.catalog.baseRefInForceAt(acceptedAt);
		if (terms.isEmpty()) {
			log.warn("Partner {} approved without a terms version and none was in force at {}",
					approved.partnerId(), acceptedAt);
			return;
		}
		Optional<ApplicationEvidence> evidence = (approved.applicationId() != null)
				? Optional.ofNullable(this.mongo.findById(approved.applicationId(), ApplicationEvidence.class))
				: Optional.empty();
		Acceptor applicant = Acceptor.applicant(approved.partnerId(), approved.applicationId(),
				evidence.map(ApplicationEvidence::clientIp).orElse(null),
				evidence.map(ApplicationEvidence::userAgent).orElse(null));
		record(applicant, terms.get(), this.catalog.supplementRefsInForceAt(null, acceptedAt),
				AcceptanceMethod.EXPLICIT, acceptedAt);
	}

	/**
	 * Art. 3: keeps where the applicant agreed from, for the acceptance the approval will record;
	 * completes that acceptance if the approval was processed first.
	 */
	public void rememberApplication(RegistrationSubmitted submitted) {
		try {
			this.mongo.insert(new ApplicationEvidence(submitted.applicationId(), submitted.termsVersion(),
					submitted.termsAcceptedAt(), submitted.clientIp(), submitted.userAgent(),
					submitted.submittedAt()));
		}
		catch (DuplicateKeyException ex) {
			// Seen before: the evidence of one application does not change.
		}
		this.mongo.updateMulti(
				Query.query(Criteria.where("applicationId").is(submitted.applicationId()).and("clientIp").is(null)),
				new Update().set("clientIp", submitted.clientIp()).set("userAgent", submitted.userAgent()),
				TermsAcceptance.class);
	}

	/**
	 * A partner's user accepts a version in the portal, with supplementary terms named
	 * {@code scope:version}. Only a version in force or scheduled can be accepted: a superseded
	 * one no longer governs anything.
	 */
	public Recorded recordExplicit(Acceptor acceptor, String version, List<String> supplementVersions) {
		Instant now = this.clock.instant();
		Timeline timeline = this.catalog.baseTimeline();
		VersionSummary terms = timeline.find(version)
			.orElseThrow(() -> RuleViolation.invalid("version", "unknown-terms-version").with("version", version));
		if (timeline.statusAt(terms, now) == VersionStatus.SUPERSEDED) {
			throw RuleViolation.invalid("version", "terms-version-superseded")
				.with("version", version)
				.with("current", timeline.inForceAt(now).map(VersionSummary::version).orElse(null));
		}
		List<TermsRef> supplements = new ArrayList<>();
		for (String key : (supplementVersions != null) ? supplementVersions : List.<String>of()) {
			supplements.add(acceptableSupplement(key, now));
		}
		return record(acceptor, terms.ref(), supplements, AcceptanceMethod.EXPLICIT, now);
	}

	/**
	 * Art. 2.2, 16.3: the partner used the service at {@code occurredAt}, and so accepted the
	 * version then in force, and the supplementary terms then in force for the capability used.
	 * Only the first such use counts; every later one finds the acceptance recorded.
	 */
	public Optional<Recorded> recordDeemedByUse(PartnerActivity activity) {
		if (activity.partnerId() == null || activity.partnerId().isBlank()) {
			// NOP's own staff use the portal too; they accept nothing on a partner's behalf.
			return Optional.empty();
		}
		Instant usedAt = firstNonNull(activity.occurredAt(), this.clock.instant(), null);
		Optional<TermsRef> terms = this.catalog.baseRefInForceAt(usedAt);
		if (terms.isEmpty()) {
			return Optional.empty();
		}
		List<TermsRef> supplements = SupplementScope.ofCapability(activity.capability())
			.map((scope) -> this.catalog.supplementRefsInForceAt(scope, usedAt))
			.orElse(List.of());
		// Art. 1.2: a supplement is accepted once, by its first use, even if the terms version it was
		// accepted under has been superseded since.
		Set<String> accepted = supplementsAcceptedBy(List.of(activity.partnerId())).getOrDefault(activity.partnerId(),
				Set.of());
		supplements = supplements.stream().filter((s) -> !accepted.contains(s.key())).toList();
		Acceptor user = Acceptor.user(activity.partnerId(), activity.loginId(), activity.clientIp(),
				activity.userAgent());
		return Optional.of(record(user, terms.get(), supplements, AcceptanceMethod.DEEMED_BY_USE, usedAt));
	}

	/** A partner's acceptances, the latest first. */
	public List<TermsAcceptance> ofPartner(String partnerId) {
		return this.acceptances.findByPartnerIdOrderByAcceptedAtDesc(partnerId);
	}

	/** How the partners that accepted {@code version} came to accept it. */
	public Map<AcceptanceMethod, Long> countByMethod(String version) {
		Map<AcceptanceMethod, Long> counts = new EnumMap<>(AcceptanceMethod.class);
		for (AcceptanceMethod method : AcceptanceMethod.values()) {
			counts.put(method, 0L);
		}
		Aggregation byMethod = Aggregation.newAggregation(Aggregation.match(Criteria.where("version").is(version)),
				Aggregation.group("method").count().as("count"));
		for (Document group : this.mongo.aggregate(byMethod, TermsAcceptance.COLLECTION, Document.class)) {
			if (group.getString("_id") != null) {
				counts.put(AcceptanceMethod.valueOf(group.getString("_id")), ((Number) group.get("count")).longValue());
			}
		}
		return counts;
	}

	/** The partners with an acceptance of {@code version} (one acceptance per partner and version). */
	public List<String> partnersThatAccepted(String version) {
		Query query = Query.query(Criteria.where("version").is(version)).with(Sort.by("partnerId"));
		query.fields().include("partnerId");
		return this.mongo.find(query, Document.class, TermsAcceptance.COLLECTION)
			.stream()
			.map((d) -> d.getString("partnerId"))
			.toList();
	}

	/** Art. 1.2: the partners that accepted the supplement {@code key} ({@code scope:version}), under any terms version. */
	public Set<String> partnersThatAcceptedSupplement(String key) {
		Query query = Query.query(Criteria.where("supplements.key").is(key));
		query.fields().include("partnerId");
		Set<String> partners = new HashSet<>();
		this.mongo.find(query, Document.class, TermsAcceptance.COLLECTION)
			.forEach((d) -> partners.add(d.getString("partnerId")));
		return partners;
	}

	/** How the partners that accepted the supplement {@code key} came to accept it. */
	public Map<AcceptanceMethod, Long> countSupplementByMethod(String key) {
		Map<AcceptanceMethod, Long> counts = new EnumMap<>(AcceptanceMethod.class);
		for (AcceptanceMethod method : AcceptanceMethod.values()) {
			counts.put(method, 0L);
		}
		Aggregation byMethod = Aggregation.newAggregation(Aggregation.match(Criteria.where("supplements.key").is(key)),
				Aggregation.unwind("supplements"), Aggregation.match(Criteria.where("supplements.key").is(key)),
				Aggregation.group("supplements.method").count().as("count"));
		for (Document group : this.mongo.aggregate(byMethod, TermsAcceptance.COLLECTION, Document.class)) {
			if (group.getString("_id") != null) {
				counts.put(AcceptanceMethod.valueOf(group.getString("_id")), ((Number) group.get("count")).longValue());
			}
		}
		return counts;
	}

	/** The terms versions each of {@code partnerIds} accepted. */
	public Map<String, Set<String>> versionsAcceptedBy(Collection<String> partnerIds) {
		return acceptedBy(partnerIds, false);
	}

	/** The supplements ({@code scope:version}) each of {@code partnerIds} accepted, under any terms version. */
	public Map<String, Set<String>> supplementsAcceptedBy(Collection<String> partnerIds) {
		return acceptedBy(partnerIds, true);
	}

	private Map<String, Set<String>> acceptedBy(Collection<String> partnerIds, boolean supplements) {
		Query query = Query.query(Criteria.where("partnerId").in(partnerIds));
		query.fields().include("partnerId").include("version").include("supplements.key");
		Map<String, Set<String>> accepted = new HashMap<>();
		for (Document acceptance : this.mongo.find(query, Document.class, TermsAcceptance.COLLECTION)) {
			Set<String> keys = accepted.computeIfAbsent(acceptance.getString("partnerId"), (id) -> new HashSet<>());
			if (!supplements) {
				keys.add(acceptance.getString("version"));
				continue;
			}
			for (Document supplement : acceptance.getList("supplements", Document.class, List.of())) {
				keys.add(supplement.getString("key"));
			}
		}
		return accepted;
	}

	/**
	 * Records that {@code acceptor} accepted {@code terms} and {@code supplements}, once: a new
	 * acceptance is inserted under the unique (partner, version) index, so of concurrent signals
	 * exactly one succeeds; supplements not yet covered are added by an update conditional on
	 * their absence. An acceptance already recorded (explicit or by use) is never replaced.
	 */
	Recorded record(Acceptor acceptor, TermsRef terms, List<TermsRef> supplements, AcceptanceMethod method,
			Instant acceptedAt) {
		Optional<TermsAcceptance> existing = this.acceptances.findByPartnerIdAndVersion(acceptor.partnerId(),
				terms.version());
		if (existing.isEmpty()) {
			TermsAcceptance fresh = TermsAcceptance.accept(acceptor, terms, supplements, method, acceptedAt,
					this.clock.instant());
			try {
				this.acceptances.insert(fresh);
				log.info("Partner {} accepted terms version {} ({}, login {})", acceptor.partnerId(),
						terms.version(), method, acceptor.loginId());
				return new Recorded(fresh, true);
			}
			catch (DuplicateKeyException ex) {
				// A concurrent signal recorded it first; from here on it is an existing acceptance.
				existing = this.acceptances.findByPartnerIdAndVersion(acceptor.partnerId(), terms.version());
			}
		}
		return extend(existing.orElseThrow(), acceptor, supplements, method, acceptedAt);
	}

	private Recorded extend(TermsAcceptance acceptance, Acceptor acceptor, List<TermsRef> supplements,
			AcceptanceMethod method, Instant acceptedAt) {
		TermsAcceptance current = acceptance;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			List<SupplementAcceptance> added = current.acceptSupplements(acceptor, supplements, method, acceptedAt);
			if (added.isEmpty()) {
				return new Recorded(current, false);
			}
			List<String> keys = added.stream().map(SupplementAcceptance::key).toList();
			Query stillMissing = Query
				.query(Criteria.where("_id").is(current.id()).and("supplements.key").nin(keys));
			Update update = new Update().push("supplements").each(added.toArray());
			this.outbox.pushTo(update, current.raisedEvents());
			TermsAcceptance extended = this.mongo.findAndModify(stillMissing, update,
					FindAndModifyOptions.options().returnNew(true), TermsAcceptance.class);
			if (extended != null) {
				log.info("Partner {} accepted supplementary terms {} under terms version {} ({})",
						acceptor.partnerId(), keys, current.version(), method);
				return new Recorded(extended, true);
			}
			// Someone added one of them meanwhile: look again at what is still missing.
			current = this.acceptances.findById(current.id()).orElseThrow();
		}
		throw new OptimisticLockingFailureException("Acceptance " + acceptance.id() + " kept changing");
	}

	private TermsRef acceptableSupplement(String key, Instant now) {
		int colon = key.indexOf(':');
		if (colon < 1) {
			throw RuleViolation.invalid("supplementVersions", "supplement-version-format").with("value", key);
		}
		SupplementScope scope = Capability.named(key.substring(0, colon))
			.flatMap(SupplementScope::ofCapability)
			.orElseThrow(() -> RuleViolation.invalid("supplementVersions", "unknown-scope")
				.with("value", key)
				.with("allowedScopes", SupplementScope.names()));
		String version = key.substring(colon + 1);
		Timeline timeline = this.catalog.supplementTimeline(scope);
		VersionSummary supplement = timeline.find(version)
			.orElseThrow(() -> RuleViolation.invalid("supplementVersions", "unknown-supplement-version")
				.with("value", key));
		if (timeline.statusAt(supplement, now) == VersionStatus.SUPERSEDED) {
			throw RuleViolation.invalid("supplementVersions", "supplement-version-superseded")
				.with("value", key)
				.with("current", timeline.inForceAt(now).map((v) -> TermsRef.key(scope.name(), v.version()))
					.orElse(null));
		}
		return supplement.ref();
	}

	private static Instant firstNonNull(Instant first, Instant second, Instant third) {
		return (first != null) ? first : (second != null) ? second : third;
	}
}
