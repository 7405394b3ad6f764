package jp.nop.cx.enforcement.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Art. 4.2, 7.2: one entry of the audit trail, as appended; never changed afterwards. The
 * {@code sequence} is the document's {@code _id}, so the unique primary key is what keeps two
 * appenders from both taking the place after the same entry (the chain cannot fork), and
 * {@code hash} is the SHA-256 of the entry's content together with {@code previousHash}, so an
 * entry changed or taken out afterwards is found by {@link ChainVerification}.
 *
 * @param sequence position in the chain, from 1, without gaps
 * @param eventId the {@code ce_id} of the {@code audit-recorded} event (unique: stored once)
 * @param source the {@code ce_source} of the event ({@code /cx/gateway}, {@code /cx/identity-service})
 * @param recordedAt when enforcement-service appended it
 * @param previousHash {@link #hash} of the entry before, or {@link #GENESIS} for the first
 */
@Document(AuditEntry.COLLECTION)
@CompoundIndex(name = "event_id", def = "{'eventId': 1}", unique = true)
@CompoundIndex(name = "partner_time", def = "{'partnerId': 1, 'occurredAt': -1, '_id': -1}")
@CompoundIndex(name = "login_time", def = "{'loginId': 1, 'occurredAt': -1, '_id': -1}")
@CompoundIndex(name = "time", def = "{'occurredAt': -1, '_id': -1}")
@CompoundIndex(name = "recorded_at", def = "{'recordedAt': 1}")
public record AuditEntry(@Id long sequence, String eventId, String source, String loginId, String partnerId,
		List<String> roles, String action, List<Target> targets, int status, String outcome, String clientIp,
		String userAgent, String traceId, Instant occurredAt, Instant recordedAt, String previousHash, String hash) {

	static final String COLLECTION = "audit_entries";

	/** The previous hash of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	/** An ID the request named in its path. */
	public record Target(String name, String value) {
	}

	/** What was recorded, before it has a place in the chain. */
	public record Recorded(String eventId, String source, String loginId, String partnerId, List<String> roles,
			String action, List<Target> targets, int status, String outcome, String clientIp, String userAgent,
			String traceId, Instant occurredAt) {
	}

	/** The entry that follows {@code previous} (null: the first of the chain). */
	static AuditEntry append(Recorded what, long sequence, String previousHash, Instant recordedAt) {
		AuditEntry unhashed = new AuditEntry(sequence, what.eventId(), what.source(), what.loginId(),
				what.partnerId(), (what.roles() != null) ? List.copyOf(what.roles()) : List.of(), what.action(),
				(what.targets() != null) ? List.copyOf(what.targets()) : List.of(), what.status(), what.outcome(),
				what.clientIp(), what.userAgent(), what.traceId(), millis(what.occurredAt()), millis(recordedAt),
				previousHash, null);
		return unhashed.withHash(unhashed.computeHash());
	}

	/** Whether the stored hash is the hash of what is stored. */
	boolean hashMatchesContent() {
		return computeHash().equals(this.hash);
	}

	private AuditEntry withHash(String hash) {
		return new AuditEntry(this.sequence, this.eventId, this.source, this.loginId, this.partnerId, this.roles,
				this.action, this.targets, this.status, this.outcome, this.clientIp, this.userAgent, this.traceId,
				this.occurredAt, this.recordedAt, this.previousHash, hash);
	}

	/**
	 * SHA-256 over every field but the hash, each written with its length first, so no two
	 * different entries give the same input (a value cannot pass for a field boundary).
	 */
	String computeHash() {
		StringBuilder in = new StringBuilder();
		field(in, Long.toString(this.sequence));
		field(in, this.eventId);
		field(in, this.source);
		field(in, this.loginId);
		field(in, this.partnerId);
		list(in, this.roles);
		field(in, this.action);
		field(in, Integer.toString((this.targets != null) ? this.targets.size() : -1));
		if (this.targets != null) {
			this.targets.forEach((t) -> {
				field(in, t.name());
				field(in, t.value());
			});
		}
		field(in, Integer.toString(this.status));
		field(in, this.outcome);
		field(in, this.clientIp);
		field(in, this.userAgent);
		field(in, this.traceId);
		field(in, (this.occurredAt != null) ? this.occurredAt.toString() : null);
		field(in, (this.recordedAt != null) ? this.recordedAt.toString() : null);
		field(in, this.previousHash);
		return sha256(in.toString());
	}

	private static void list(StringBuilder in, List<String> values) {
		field(in, Integer.toString((values != null) ? values.size() : -1));
		if (values != null) {
			values.forEach((v) -> field(in, v));
		}
	}

	private static void field(StringBuilder in, String value) {
		if (value == null) {
			in.append("-;");
		}
		else {
			in.append(value.length()).append(':').append(value).append(';');
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** MongoDB keeps milliseconds: hash what is stored, or no stored entry would verify. */
	private static Instant millis(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}
}
