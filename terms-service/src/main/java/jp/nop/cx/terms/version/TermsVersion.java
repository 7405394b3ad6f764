package jp.nop.cx.terms.version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.LongSupplier;

import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published version of the terms (Art. 16.1) or of the supplementary terms of one scope
 * (Art. 1.2). Published versions are immutable: the document is only ever inserted, under an ID
 * made of its document and version, so publishing the same version twice fails.
 */
@Document(TermsVersion.COLLECTION)
public class TermsVersion extends OutboxAggregate {

	static final String COLLECTION = "terms_versions";

	/**
	 * Starts the change summary of the seed and of nothing else: consumers (notification-service)
	 * recognise by it the initial terms, which change nothing a partner agreed to and need no
	 * notice under Art. 16.2. Operators may not use it.
	 */
	public static final String INITIAL_MARK = "[initial]";

	/** What a version may be called: it appears in URLs and event subjects. */
	public static final String VERSION_PATTERN = "[0-9A-Za-z][0-9A-Za-z._-]{0,31}";

	static final String INITIAL_CHANGE_SUMMARY = INITIAL_MARK + " 初版（本サービス開始時の規約） / initial version";

	@Id
	private final String id;

	private final TermsKind kind;

	private final String scope;

	private final String version;

	private final String title;

	private final String body;

	private final String sha256;

	private final String language;

	private final String changeSummary;

	private final Instant effectiveFrom;

	private final Instant publishedAt;

	private final String publishedBy;

	/** Publication order, for versions that take effect at the same instant. */
	private final long sequence;

	private final boolean initial;

	@PersistenceCreator
	TermsVersion(String id, TermsKind kind, String scope, String version, String title, String body, String sha256,
			String language, String changeSummary, Instant effectiveFrom, Instant publishedAt, String publishedBy,
			long sequence, boolean initial) {
		this.id = id;
		this.kind = kind;
		this.scope = scope;
		this.version = version;
		this.title = title;
		this.body = body;
		this.sha256 = sha256;
		this.language = language;
		this.changeSummary = changeSummary;
		this.effectiveFrom = effectiveFrom;
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
		this.sequence = sequence;
		this.initial = initial;
	}

	/**
	 * Art. 16.1: NOP publishes a new version; it takes effect at its effectiveFrom, now or later,
	 * and the {@link TermsChanged} it raises lets partners be notified of the change before then
	 * (Art. 16.2). {@code sequence} is drawn only once the draft passed every rule.
	 */
	public static TermsVersion publish(TermsDraft draft, String publishedBy, Instant now, PublicationPolicy policy,
			LongSupplier sequence) {
		requireText(draft.version(), "version");
		if (!draft.version().matches(VERSION_PATTERN)) {
			throw RuleViolation.invalid("version", "version-name").with("pattern", VERSION_PATTERN);
		}
		requireText(draft.title(), "title");
		requireText(draft.body(), "body");
		// Art. 16.2: partners are told what changed, so a new version must say it.
		requireText(draft.changeSummary(), "changeSummary");
		if (draft.changeSummary().strip().startsWith(INITIAL_MARK)) {
			throw RuleViolation.invalid("changeSummary", "reserved-change-summary")
				.with("reservedPrefix", INITIAL_MARK);
		}
		policy.checkBodySize(draft.body());
		if (draft.effectiveFrom() == null) {
			throw RuleViolation.invalid("effectiveFrom", "effective-from-required");
		}
		// The store keeps milliseconds; rounding up never lets a version take effect early.
		Instant effectiveFrom = ceilToMillis(draft.effectiveFrom());
		Instant earliest = now.minus(policy.grace());
		if (effectiveFrom.isBefore(earliest)) {
			// Art. 16.2: a change notified after it took effect was not notified; no backdating.
			throw RuleViolation.invalid("effectiveFrom", "effective-from-in-past")
				.with("earliestEffectiveFrom", earliest);
		}
		TermsVersion published = new TermsVersion(idOf(draft.scope(), draft.version()), draft.kind(),
				(draft.scope() != null) ? draft.scope().name() : null, draft.version(), draft.title().strip(),
				draft.body(), sha256(draft.body()), language(draft.language()), draft.changeSummary().strip(),
				effectiveFrom, now.truncatedTo(ChronoUnit.MILLIS), publishedBy, sequence.getAsLong(), false);
		published.raise(published.changed());
		return published;
	}

	/**
	 * Preamble: the terms every partner agrees to from the start, published once at first start
	 * with a fixed effectiveFrom (in the past, so terms are in force from the beginning). Marked
	 * {@link #INITIAL_MARK} so no partner is notified of it as a change.
	 */
	public static TermsVersion seed(String version, String title, String body, String language,
			Instant effectiveFrom, Instant now, long sequence) {
		requireText(title, "title");
		requireText(body, "body");
		TermsVersion seed = new TermsVersion(idOf(null, version), TermsKind.BASE, null, version, title, body,
				sha256(body), language(language), INITIAL_CHANGE_SUMMARY, effectiveFrom,
				now.truncatedTo(ChronoUnit.MILLIS), "system", sequence, true);
		seed.raise(seed.changed());
		return seed;
	}

	private TermsChanged changed() {
		return new TermsChanged(this.kind.name(), this.scope, this.version, this.effectiveFrom, this.title,
				this.changeSummary, this.sha256, this.language, this.publishedAt);
	}

	/** The document ID: one per document and version, which is what makes versions immutable. */
	static String idOf(SupplementScope scope, String version) {
		return (scope == null) ? "base:" + version : "supplement:" + scope.name() + ":" + version;
	}

	/** Hex SHA-256 of the UTF-8 body: proof of the exact wording a partner accepted. */
	public static String sha256(String body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static Instant ceilToMillis(Instant instant) {
		Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
		return truncated.equals(instant) ? instant : truncated.plusMillis(1);
	}

	private static String language(String language) {
		return (language == null || language.isBlank()) ? "ja" : language;
	}

	private static void requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw RuleViolation.invalid(field, "text-required");
		}
	}

	public VersionSummary summary() {
		return new VersionSummary(this.id, this.kind, this.scope, this.version, this.title, this.sha256,
				this.language, this.changeSummary, this.effectiveFrom, this.publishedAt, this.sequence,
				this.initial);
	}

	public TermsRef ref() {
		return new TermsRef(this.scope, this.version, this.sha256);
	}

	public String id() {
		return this.id;
	}

	public TermsKind kind() {
		return this.kind;
	}

	public String scope() {
		return this.scope;
	}

	public String version() {
		return this.version;
	}

	public String title() {
		return this.title;
	}

	public String body() {
		return this.body;
	}

	public String sha256() {
		return this.sha256;
	}

	public String language() {
		return this.language;
	}

	public String changeSummary() {
		return this.changeSummary;
	}

	public Instant effectiveFrom() {
		return this.effectiveFrom;
	}

	public Instant publishedAt() {
		return this.publishedAt;
	}

	public String publishedBy() {
		return this.publishedBy;
	}

	public long sequence() {
		return this.sequence;
	}

	public boolean initial() {
		return this.initial;
	}
}
