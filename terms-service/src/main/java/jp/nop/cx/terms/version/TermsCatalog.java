package jp.nop.cx.terms.version;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.terms.TermsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The published terms and supplementary terms: publishing a version, and which versions are in
 * force at an instant. What other features of this service ask about the terms.
 */
@Service
public class TermsCatalog {

	private static final Logger log = LoggerFactory.getLogger(TermsCatalog.class);

	private final TermsVersionRepository versions;

	private final MongoTemplate mongo;

	private final PublicationSequence sequence;

	private final PublicationPolicy policy;

	private final Clock clock;

	TermsCatalog(TermsVersionRepository versions, MongoTemplate mongo, PublicationSequence sequence,
			TermsProperties properties, Clock clock) {
		this.versions = versions;
		this.mongo = mongo;
		this.sequence = sequence;
		this.policy = new PublicationPolicy(properties.publicationGrace(), properties.maxBodySize().toBytes());
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Art. 16.1: publishes a version, with its {@code terms-changed} event in the same write. The
	 * same version of the same document again is refused (409): published versions never change.
	 */
	public TermsVersion publish(TermsDraft draft, String publishedBy) {
		TermsVersion version = TermsVersion.publish(draft, publishedBy, this.clock.instant(), this.policy,
				this.sequence::next);
		try {
			TermsVersion published = this.versions.insert(version);
			log.info("Published {} version {} (scope {}), effective from {}", published.kind(),
					published.version(), published.scope(), published.effectiveFrom());
			return published;
		}
		catch (DuplicateKeyException ex) {
			throw (draft.scope() == null)
					? RuleViolation.conflict("terms-version-exists", draft.version())
						.with("version", draft.version())
					: RuleViolation.conflict("supplement-version-exists", draft.scope().name(), draft.version())
						.with("scope", draft.scope().name())
						.with("version", draft.version());
		}
	}

	/** Preamble: stores the seed unless it is there already; true if this call stored it. */
	boolean seed(String version, String title, String body, String language, Instant effectiveFrom) {
		if (this.versions.existsById(TermsVersion.idOf(null, version))) {
			return false;
		}
		try {
			this.versions.insert(TermsVersion.seed(version, title, body, language, effectiveFrom,
					this.clock.instant(), this.sequence.next()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another instance seeded first (or an operator published this version): one is enough.
			return false;
		}
	}

	public Timeline baseTimeline() {
		return Timeline.of(summaries(Criteria.where("kind").is(TermsKind.BASE)));
	}

	public Timeline supplementTimeline(SupplementScope scope) {
		return Timeline
			.of(summaries(Criteria.where("kind").is(TermsKind.SUPPLEMENT).and("scope").is(scope.name())));
	}

	/** The supplementary terms of every scope that has any, by scope name. */
	public Map<String, Timeline> supplementTimelines() {
		return summaries(Criteria.where("kind").is(TermsKind.SUPPLEMENT)).stream()
			.collect(Collectors.groupingBy(VersionSummary::scope, TreeMap::new,
					Collectors.collectingAndThen(Collectors.toList(), Timeline::of)));
	}

	public Optional<TermsVersion> base(String version) {
		return this.versions.findById(TermsVersion.idOf(null, version));
	}

	public Optional<TermsVersion> supplement(SupplementScope scope, String version) {
		return this.versions.findById(TermsVersion.idOf(scope, version));
	}

	/** The terms in force at {@code at}, with their body. */
	public Optional<TermsVersion> baseInForceAt(Instant at) {
		return baseTimeline().inForceAt(at).flatMap((summary) -> this.versions.findById(summary.id()));
	}

	/** Art. 1.2: the supplementary terms in force at {@code at} for {@code scope}, or for every scope if null. */
	public List<TermsVersion> supplementsInForceAt(SupplementScope scope, Instant at) {
		List<TermsVersion> inForce = new ArrayList<>();
		for (VersionSummary summary : supplementSummariesInForceAt(scope, at)) {
			this.versions.findById(summary.id()).ifPresent(inForce::add);
		}
		return inForce;
	}

	public Optional<TermsRef> baseRefInForceAt(Instant at) {
		return baseTimeline().inForceAt(at).map(VersionSummary::ref);
	}

	public List<TermsRef> supplementRefsInForceAt(SupplementScope scope, Instant at) {
		return supplementSummariesInForceAt(scope, at).stream().map(VersionSummary::ref).toList();
	}

	/**
	 * Art. 16.2: what changed from {@code from} to {@code to}; without {@code from}, from the
	 * version that took effect before {@code to}.
	 */
	public TermsDiff diff(String to, String from) {
		TermsVersion newer = base(to).orElseThrow(() -> versionNotFound(to));
		String olderVersion = (from != null) ? from
				: baseTimeline().predecessorOf(to)
					.map(VersionSummary::version)
					.orElseThrow(() -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, "no-previous-version", to));
		TermsVersion older = base(olderVersion).orElseThrow(() -> versionNotFound(olderVersion));
		return TermsDiff.between(older.version(), older.body(), newer.version(), newer.body());
	}

	static RuleViolation versionNotFound(String version) {
		return RuleViolation.notFound("terms version").with("version",
				version);
	}

	private List<VersionSummary> supplementSummariesInForceAt(SupplementScope scope, Instant at) {
		if (scope != null) {
			return supplementTimeline(scope).inForceAt(at).map(List::of).orElse(List.of());
		}
		return supplementTimelines().values()
			.stream()
			.flatMap((timeline) -> timeline.inForceAt(at).stream())
			.toList();
	}

	private List<VersionSummary> summaries(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields().exclude("body").exclude("_outbox");
		return this.mongo.find(query, VersionSummary.class, TermsVersion.COLLECTION);
	}
}
