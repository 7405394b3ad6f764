package jp.nop.cx.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.enforcement.audit.AuditEntry;
import jp.nop.cx.enforcement.audit.AuditTrail;

import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.tenancy.Endpoint;
import jp.nop.cx.test.tenancy.TenantIsolationContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners read only their own standing, cases and export, and propose only on their own cases;
 * every operator endpoint refuses them (403), and everything but the public service status refuses
 * the anonymous (401).
 */
class TenantIsolationIT extends EnforcementIT implements TenantIsolationContract {

	private String caseId;

	private String eventId;

	private String auditEntryId;

	@Autowired
	AuditTrail trail;

	private String proposalId;

	/** An approved partner with an open case, and a scheduled maintenance the operator endpoints aim at too. */
	@Override
	public String victimWithData() {
		String victim = approvedPartner();
		this.caseId = openCase(victim);
		ApiClient.Response proposed = partnerAdmin(victim).post(
				"/api/v1/enforcement/me/cases/" + this.caseId + "/proposals",
				Map.of("statement", "原因を取り除きました", "proposedResumeAt", this.clock.instant().plusSeconds(86400).toString()));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		this.proposalId = proposed.text("id");
		ApiClient.Response declared = operator().post("/api/v1/service-status/events", maintenance());
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		this.eventId = declared.text("id");
		this.auditEntryId = this.trail.append(new AuditEntry.Recorded(UUID.randomUUID().toString(), "/cx/gateway",
				"admin-" + victim, victim, List.of("PARTNER_ADMIN"), "PATCH /api/v1/partners/me", List.of(), 200, null,
				"198.51.100.20", null, null, Instant.now())).eventId();
		return victim;
	}

	@Override
	public ApiClient api() {
		return anonymous();
	}

	@Override
	public List<Endpoint> partnerScopedEndpoints(String victim) {
		return List.of(Endpoint.get("/internal/v1/partners/" + victim + "/export", "the victim's backup"),
				Endpoint.get("/api/v1/enforcement/me/standing", "own standing").answeringTheCaller(),
				Endpoint.get("/api/v1/audit/me", "own audit trail (members: 403)").answeringTheCaller(),
				Endpoint.get("/api/v1/audit/me?loginId=admin-" + victim, "own audit trail, naming the victim's ID")
					.answeringTheCaller(),
				Endpoint.get("/api/v1/enforcement/me/cases", "own cases").answeringTheCaller(),
				Endpoint.get("/api/v1/enforcement/me/cases/" + this.caseId, "the victim's case, partner view"),
				Endpoint.post("/api/v1/enforcement/me/cases/" + this.caseId + "/proposals",
						Map.of("statement", "他社の案件に提案", "proposedResumeAt",
								this.clock.instant().plusSeconds(3600).toString()),
						"a resumption proposal on the victim's case"));
	}

	@Override
	public List<Endpoint> operatorEndpoints(String victim) {
		String kase = "/api/v1/enforcement/cases/" + this.caseId;
		String event = "/api/v1/service-status/events/" + this.eventId;
		return List.of(Endpoint.get("/api/v1/enforcement/cases", "cases"),
				Endpoint.get("/api/v1/enforcement/cases?partnerId=" + victim, "the victim's cases"),
				Endpoint.post("/api/v1/enforcement/cases",
						Map.of("partnerId", victim, "category", "MALWARE", "description", "自作自演"), "opening a case"),
				Endpoint.get(kase, "the victim's case"),
				Endpoint.post(kase + "/measures", Map.of("type", "WARNING", "note", "x"), "a measure"),
				Endpoint.post(kase + "/damage-claims", Map.of("amount", 1, "description", "x"), "a damage claim"),
				Endpoint.post(kase + "/resolution", Map.of("note", "自分で解決"), "resolution of the case"),
				Endpoint.post(kase + "/proposals/" + this.proposalId + "/agreement", Map.of(),
						"agreeing to the victim's proposal"),
				Endpoint.post(kase + "/proposals/" + this.proposalId + "/refusal", Map.of("reason", "x"),
						"declining the victim's proposal"),
				Endpoint.get("/api/v1/enforcement/partners/" + victim + "/standing", "the victim's standing"),
				Endpoint.get("/api/v1/service-status/events", "service-status events"),
				Endpoint.get(event, "a service-status event"),
				Endpoint.post("/api/v1/service-status/events", maintenance(), "declaring a service-status event"),
				Endpoint.post(event + "/end", null, "ending a service-status event"),
				Endpoint.get("/api/v1/audit", "the audit trail"),
				Endpoint.get("/api/v1/audit?partnerId=" + victim, "the victim's audit trail"),
				Endpoint.get("/api/v1/audit/verification", "verifying the audit trail"),
				Endpoint.get(kase + "/evidence", "evidence of the victim's case"),
				Endpoint.post(kase + "/evidence", Map.of("auditEntryIds", List.of(this.auditEntryId)),
						"attaching evidence to the victim's case"));
	}

	@Override
	public List<String> victimMarkers(String victim) {
		return List.of(victim, this.caseId, this.auditEntryId);
	}

	/** The victim's record (cases, measures, standing) and the scheduled maintenance, outbox aside. */
	@Override
	public Object victimSnapshot(String victim) {
		return List.of(stored("enforcement_records", victim), stored("service_status_events", this.eventId),
				this.mongo.find(Query.query(Criteria.where("partnerId").is(victim)), Document.class, "audit_entries"),
				this.mongo.find(Query.query(Criteria.where("caseId").is(this.caseId)), Document.class,
						"case_audit_evidence"));
	}

	@Test
	void aPartnerSeesOnlyItsOwnStanding() {
		String suspended = approvedPartner();
		String other = approvedPartner();
		String caseId = openCase(suspended);
		impose(caseId, Map.of("type", "SUSPENSION", "scope", Map.of("all", true), "note", "全面停止"));

		ApiClient.Response own = partnerMember(suspended).get("/api/v1/enforcement/me/standing");
		ApiClient.Response others = partnerAdmin(other).get("/api/v1/enforcement/me/standing");

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.text("partnerId")).isEqualTo(suspended);
		assertThat(own.text("status")).isEqualTo("SUSPENDED");
		assertThat(own.json().path("activeMeasures").get(0).path("note").asString()).isEqualTo("全面停止");
		assertThat(others.text("partnerId")).isEqualTo(other);
		assertThat(others.text("status")).isEqualTo("GOOD");
		assertThat(operator().get("/api/v1/enforcement/me/standing").status()).isEqualTo(403);
	}

	@Test
	void aPartnerNotYetKnownHereIsInGoodStanding() {
		ApiClient.Response standing = partnerAdmin("p-just-approved").get("/api/v1/enforcement/me/standing");

		assertThat(standing.status()).isEqualTo(200);
		assertThat(standing.text("status")).isEqualTo("GOOD");
		assertThat(standing.json().path("activeMeasures")).isEmpty();
	}

	private Map<String, Object> maintenance() {
		return Map.of("kind", "MAINTENANCE", "reason", "MAINTENANCE", "scope", Map.of("all", true), "startsAt",
				this.clock.instant().plusSeconds(3600).toString());
	}

	private Document stored(String collection, String id) {
		Document stored = this.mongo.findById(id, Document.class, collection);
		assertThat(stored).as("%s %s", collection, id).isNotNull();
		stored.remove(OutboxAggregate.OUTBOX_FIELD);
		// The relay's lease on the outbox comes and goes on its own too.
		stored.remove("_outboxLease");
		return stored;
	}
}
