package jp.nop.cx.registration.terms;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

import jp.nop.cx.events.TermsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Which base version of the terms is in force, known locally from {@code terms-changed} events
 * so that applying (preamble, Art. 3) never waits on terms-service. A published version is in
 * force once its {@code effectiveFrom} has passed (Art. 16.1); until then the one before it is.
 */
@Service
public class TermsInForce {

	private static final Logger log = LoggerFactory.getLogger(TermsInForce.class);

	private final MongoTemplate mongo;

	private final String seedVersion;

	public TermsInForce(MongoTemplate mongo, TermsProperties properties) {
		this.mongo = mongo;
		this.seedVersion = properties.seedTermsVersion();
	}

	/** The version in force at {@code now}. */
	public String versionAt(Instant now) {
		// Versions are few (a handful a year): reading them all keeps the rule in one plain function.
		return inForce(this.mongo.findAll(TermsVersion.class), now, this.seedVersion);
	}

	/**
	 * Records a published version. Supplements (Art. 1.2) have their own versions and do not
	 * change the base version an applicant accepts. Saving by version makes a redelivery harmless.
	 */
	public void record(TermsChanged event) {
		if (!isBase(event)) {
			log.debug("Ignoring supplementary terms {} for scope {}", event.version(), event.scope());
			return;
		}
		this.mongo.save(new TermsVersion(event.version(), event.effectiveFrom(), event.publishedAt()));
		log.info("Terms version {} known, in force from {}", event.version(), event.effectiveFrom());
	}

	/** The latest version whose effective time has come; the seed version if none has. */
	static String inForce(Collection<TermsVersion> versions, Instant now, String seedVersion) {
		return versions.stream()
			.filter((v) -> v.effectiveFrom() != null && !v.effectiveFrom().isAfter(now))
			.max(Comparator.comparing(TermsVersion::effectiveFrom)
				.thenComparing(TermsVersion::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
			.map(TermsVersion::version)
			.orElse(seedVersion);
	}

	static boolean isBase(TermsChanged event) {
		return (event.kind() != null) ? "BASE".equalsIgnoreCase(event.kind()) : event.scope() == null;
	}
}
