package jp.nop.cx.identity.incident;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.CredentialCompromised;
import jp.nop.cx.platform.outbox.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Art. 4.3: a partner's notice that IDs were lost, stolen or misused. Recording it alerts the
 * operator ({@code credential-compromised}); blocking the IDs is the credentials' part.
 */
@Document("incidents")
public class Incident extends OutboxAggregate {

	@Id
	private String incidentId;

	@Indexed
	private String partnerId;

	private IncidentType type;

	private List<String> loginIds;

	private String reportedBy;

	private String detail;

	private Instant reportedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Incident() {
	}

	public static Incident report(String incidentId, String partnerId, IncidentType type, List<String> loginIds,
			String reportedBy, String detail, Instant now) {
		if (loginIds.isEmpty()) {
			throw new IllegalArgumentException("An incident names at least one ID");
		}
		Incident incident = new Incident();
		incident.incidentId = incidentId;
		incident.partnerId = partnerId;
		incident.type = type;
		incident.loginIds = List.copyOf(loginIds);
		incident.reportedBy = reportedBy;
		incident.detail = detail;
		incident.reportedAt = now;
		incident.raise(new CredentialCompromised(partnerId, incidentId, type.name(), incident.loginIds, reportedBy,
				detail, now));
		return incident;
	}

	public String incidentId() {
		return this.incidentId;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public IncidentType type() {
		return this.type;
	}

	public List<String> loginIds() {
		return this.loginIds;
	}

	public String reportedBy() {
		return this.reportedBy;
	}

	public String detail() {
		return this.detail;
	}

	public Instant reportedAt() {
		return this.reportedAt;
	}
}
