package jp.nop.cx.terms.acceptance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.nop.cx.events.TermsAccepted;
import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.terms.version.TermsRef;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's acceptance of one version of the terms, and of the supplementary terms (Art. 1.2)
 * accepted with it or later while that version was in force: the evidence that the partner is
 * bound by it (who, when, how, from where, and the SHA-256 of the exact text).
 * <p>
 * One per partner and version, enforced by a unique index, so that concurrent and repeated
 * signals of the same acceptance record it once (Art. 16.3: the first use after a change).
 * Never deleted or rewritten; supplements are only added, by a conditional update.
 */
@Document(TermsAcceptance.COLLECTION)
@CompoundIndex(name = "one_acceptance_per_partner_and_version", def = "{'partnerId': 1, 'version': 1}",
		unique = true)
public class TermsAcceptance extends OutboxAggregate {

	static final String COLLECTION = "terms_acceptances";

	@Id
	private final String id;

	private final String partnerId;

	private final String version;

	private final String sha256;

	private final AcceptanceMethod method;

	private final Instant acceptedAt;

	private final String loginId;

	private final String clientIp;

	private final String userAgent;

	private final String applicationId;

	private final List<SupplementAcceptance> supplements;

	private final Instant recordedAt;

	@PersistenceCreator
	TermsAcceptance(String id, String partnerId, String version, String sha256, AcceptanceMethod method,
			Instant acceptedAt, String loginId, String clientIp, String userAgent, String applicationId,
			List<SupplementAcceptance> supplements, Instant recordedAt) {
		this.id = id;
		this.partnerId = partnerId;
		this.version = version;
		this.sha256 = sha256;
		this.method = method;
		this.acceptedAt = acceptedAt;
		this.loginId = loginId;
		this.clientIp = clientIp;
		this.userAgent = userAgent;
		this.applicationId = applicationId;
		this.supplements = (supplements != null) ? new ArrayList<>(supplements) : new ArrayList<>();
		this.recordedAt = recordedAt;
	}

	/**
	 * The partner accepted {@code terms} at {@code acceptedAt}, with the supplementary terms
	 * {@code supplements} (Art. 1.2: they form part of the terms), explicitly or by use.
	 */
	public static TermsAcceptance accept(Acceptor acceptor, TermsRef terms, List<TermsRef> supplements,
			AcceptanceMethod method, Instant acceptedAt, Instant recordedAt) {
		if (terms.isSupplement()) {
			throw new IllegalArgumentException("An acceptance is of a version of the terms, not of " + terms.key());
		}
		Instant at = stored(acceptedAt);
		List<SupplementAcceptance> accepted = new ArrayList<>();
		for (TermsRef supplement : distinct(supplements)) {
			accepted.add(SupplementAcceptance.of(supplement, method, at, acceptor));
		}
		TermsAcceptance acceptance = new TermsAcceptance(UUID.randomUUID().toString(), acceptor.partnerId(),
				terms.version(), terms.sha256(), method, at, acceptor.loginId(), acceptor.clientIp(),
				acceptor.userAgent(), acceptor.applicationId(), accepted, stored(recordedAt));
		acceptance.raise(acceptance.accepted(acceptor, method, at, accepted));
		return acceptance;
	}

	/** Which of {@code supplements} this acceptance does not cover yet. */
	public List<TermsRef> notYetAccepted(List<TermsRef> supplements) {
		Set<String> covered = new HashSet<>();
		this.supplements.forEach((s) -> covered.add(s.key()));
		return distinct(supplements).stream().filter((s) -> !covered.contains(s.key())).toList();
	}

	/**
	 * The partner accepted further supplementary terms while this version was in force (e.g. by
	 * first using a capability after its supplement changed). Returns what was added; raises one
	 * {@link TermsAccepted} naming them, with this version and its hash.
	 */
	public List<SupplementAcceptance> acceptSupplements(Acceptor acceptor, List<TermsRef> supplements,
			AcceptanceMethod method, Instant acceptedAt) {
		List<TermsRef> missing = notYetAccepted(supplements);
		if (missing.isEmpty()) {
			return List.of();
		}
		Instant at = stored(acceptedAt);
		List<SupplementAcceptance> added = missing.stream()
			.map((s) -> SupplementAcceptance.of(s, method, at, acceptor))
			.toList();
		this.supplements.addAll(added);
		raise(accepted(acceptor, method, at, added));
		return added;
	}

	private TermsAccepted accepted(Acceptor acceptor, AcceptanceMethod method, Instant acceptedAt,
			List<SupplementAcceptance> supplementsAccepted) {
		return new TermsAccepted(this.partnerId, acceptor.loginId(), this.version,
				supplementsAccepted.stream().map(SupplementAcceptance::key).toList(), method.name(), this.sha256,
				acceptor.clientIp(), acceptor.userAgent(), acceptedAt);
	}

	/** The store keeps milliseconds; what is announced and answered is what is kept. */
	private static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	private static List<TermsRef> distinct(List<TermsRef> supplements) {
		Set<String> scopes = new HashSet<>();
		List<TermsRef> distinct = new ArrayList<>();
		for (TermsRef supplement : supplements) {
			if (!supplement.isSupplement()) {
				throw new IllegalArgumentException(supplement.key() + " is not supplementary terms");
			}
			// One version per scope: two versions of one scope's supplement cannot both apply.
			if (scopes.add(supplement.scope())) {
				distinct.add(supplement);
			}
		}
		return distinct;
	}

	/** Every supplement accepted under this version, as {@code scope:version}. */
	public List<String> supplementVersions() {
		return this.supplements.stream().map(SupplementAcceptance::key).toList();
	}

	public String id() {
		return this.id;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public String version() {
		return this.version;
	}

	public String sha256() {
		return this.sha256;
	}

	public AcceptanceMethod method() {
		return this.method;
	}

	public Instant acceptedAt() {
		return this.acceptedAt;
	}

	public String loginId() {
		return this.loginId;
	}

	public String clientIp() {
		return this.clientIp;
	}

	public String userAgent() {
		return this.userAgent;
	}

	public String applicationId() {
		return this.applicationId;
	}

	public List<SupplementAcceptance> supplements() {
		return Collections.unmodifiableList(this.supplements);
	}

	public Instant recordedAt() {
		return this.recordedAt;
	}
}
