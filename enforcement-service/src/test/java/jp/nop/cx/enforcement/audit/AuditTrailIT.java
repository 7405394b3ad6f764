package jp.nop.cx.enforcement.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.events.AuditRecorded;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Art. 4.2, 7.2: what the gateway and identity publish on {@code audit-recorded} becomes the trail,
 * once per event, chained by hashes that show a changed or removed entry.
 */
class AuditTrailIT extends EnforcementIT {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditProperties properties;

	@Test
	void anOperatorsApprovalAndAPartnersPatchAreStoredOnceEachThoughDeliveredTwice() {
		String partnerId = "p-" + UUID.randomUUID();
		String admin = "admin-" + partnerId;
		String approval = UUID.randomUUID().toString();
		String patch = UUID.randomUUID().toString();
		String operatorTrace = trace();
		String partnerTrace = trace();
		AuditRecorded approved = new AuditRecorded("operator", null, List.of("OPERATOR"),
				"POST /api/v1/registrations/{id}/approval", List.of(new AuditRecorded.Target("id", "app-" + partnerId)),
				200, null, "203.0.113.9", "cx-console/1.0", operatorTrace, Instant.now());
		AuditRecorded patched = new AuditRecorded(admin, partnerId, List.of("PARTNER_ADMIN"),
				"PATCH /api/v1/partners/me", List.of(), 200, null, "198.51.100.7", "curl/8.5", partnerTrace,
				Instant.now());

		publish(approval, approved);
		publish(patch, patched);
		publish(approval, approved);
		publish(patch, patched);

		JsonNode partnerEntry = awaitOne("loginId=" + admin);
		assertThat(partnerEntry.path("id").asString()).isEqualTo(patch);
		assertThat(partnerEntry.path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(partnerEntry.path("action").asString()).isEqualTo("PATCH /api/v1/partners/me");
		assertThat(partnerEntry.path("traceId").asString()).isEqualTo(partnerTrace);
		assertThat(partnerEntry.path("clientIp").asString()).isEqualTo("198.51.100.7");
		assertThat(partnerEntry.path("status").asInt()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.trail.findByEventId(approval).isPresent());
		JsonNode operatorEntry = AuditEntryJson.of(this.trail.findByEventId(approval).orElseThrow());
		assertThat(operatorEntry.path("loginId").asString()).isEqualTo("operator");
		assertThat(operatorEntry.path("traceId").asString()).isEqualTo(operatorTrace);
		assertThat(operatorEntry.path("targets").get(0).path("value").asString()).isEqualTo("app-" + partnerId);
		// Published after the redeliveries under the same keys: once they are stored, so are the redeliveries.
		String afterPatch = UUID.randomUUID().toString();
		String afterApproval = UUID.randomUUID().toString();
		publish(afterPatch, marker(admin, partnerId));
		publish(afterApproval, marker("operator", null));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.trail.findByEventId(afterPatch).isPresent()
					&& this.trail.findByEventId(afterApproval).isPresent());
		assertThat(this.mongo.count(Query.query(Criteria.where("eventId").in(approval, patch)), AuditEntry.class))
			.isEqualTo(2);
		assertThat(verification().path("intact").asBoolean()).isTrue();
	}

	@Test
	void anEntryChangedInTheStoreIsReportedByTheVerification() {
		String loginId = "admin-" + UUID.randomUUID();
		List<AuditEntry> entries = appendThree(loginId);
		AuditEntry middle = entries.get(1);
		assertThat(verification().path("intact").asBoolean()).isTrue();

		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(middle.sequence())),
				Update.update("status", 204), AuditEntry.class);
		try {
			JsonNode report = verification();
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("firstBreak").path("sequence").asLong()).isEqualTo(middle.sequence());
			assertThat(report.path("firstBreak").path("entryId").asString()).isEqualTo(middle.eventId());
			assertThat(report.path("firstBreak").path("problem").asString()).isEqualTo("ALTERED");
		}
		finally {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(middle.sequence())),
					Update.update("status", middle.status()), AuditEntry.class);
		}
		assertThat(verification().path("intact").asBoolean()).isTrue();
	}

	@Test
	void anEntryRemovedFromTheStoreIsReportedByTheVerification() {
		List<AuditEntry> entries = appendThree("admin-" + UUID.randomUUID());
		AuditEntry middle = entries.get(1);
		Document stored = this.mongo.findById(middle.sequence(), Document.class, AuditEntry.COLLECTION);
		this.mongo.remove(Query.query(Criteria.where("_id").is(middle.sequence())), AuditEntry.COLLECTION);
		try {
			JsonNode report = verification();
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("firstBreak").path("sequence").asLong()).isEqualTo(middle.sequence());
			assertThat(report.path("firstBreak").path("problem").asString()).isEqualTo("MISSING");
		}
		finally {
			this.mongo.insert(stored, AuditEntry.COLLECTION);
		}
		assertThat(verification().path("intact").asBoolean()).isTrue();
	}

	@Test
	void anEntryReplacedWithARehashedOneBreaksTheLinkOfTheNext() {
		List<AuditEntry> entries = appendThree("admin-" + UUID.randomUUID());
		AuditEntry middle = entries.get(1);
		AuditEntry forged = AuditEntry.append(new AuditEntry.Recorded(middle.eventId(), middle.source(),
				"someone-else", middle.partnerId(), middle.roles(), middle.action(), middle.targets(), middle.status(),
				middle.outcome(), middle.clientIp(), middle.userAgent(), middle.traceId(), middle.occurredAt()),
				middle.sequence(), middle.previousHash(), middle.recordedAt());
		Document original = this.mongo.findById(middle.sequence(), Document.class, AuditEntry.COLLECTION);
		this.mongo.save(forged);
		try {
			JsonNode report = verification();
			assertThat(report.path("firstBreak").path("sequence").asLong()).isEqualTo(entries.get(2).sequence());
			assertThat(report.path("firstBreak").path("problem").asString()).isEqualTo("BROKEN_LINK");
		}
		finally {
			this.mongo.save(original, AuditEntry.COLLECTION);
		}
	}

	@Test
	void twoInstancesAppendingAtOnceKeepOneChain() {
		AuditTrail other = new AuditTrail(this.mongo, this.clock, this.properties);
		String loginId = "admin-" + UUID.randomUUID();
		List<CompletableFuture<Void>> appending = new ArrayList<>();
		for (AuditTrail instance : List.of(this.trail, other)) {
			appending.add(CompletableFuture.runAsync(() -> IntStream.range(0, 40)
				.forEach((i) -> instance.append(recorded(UUID.randomUUID().toString(), loginId)))));
		}
		appending.forEach(CompletableFuture::join);

		List<AuditEntry> stored = this.mongo.find(Query.query(Criteria.where("loginId").is(loginId)), AuditEntry.class);
		assertThat(stored).hasSize(80);
		assertThat(stored.stream().map(AuditEntry::previousHash).distinct()).hasSize(80);
		assertThat(verification().path("intact").asBoolean()).isTrue();
	}

	@Test
	void retentionRemovesOldEntriesFromTheStartAndTheRestStillVerifies() {
		AuditEntry old = this.trail.append(recorded(UUID.randomUUID().toString(), "admin-" + UUID.randomUUID()));
		this.clock.advance(this.properties.retention().plusDays(1));
		AuditEntry recent = this.trail.append(recorded(UUID.randomUUID().toString(), "admin-" + UUID.randomUUID()));

		this.trail.pruneExpired();

		assertThat(this.mongo.findById(old.sequence(), AuditEntry.class)).isNull();
		assertThat(this.mongo.findById(recent.sequence(), AuditEntry.class)).isNotNull();
		JsonNode report = verification();
		assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.path("fromSequence").asLong()).isEqualTo(recent.sequence());
	}

	@Test
	void aPartnerAdminSeesOnlyItsOwnCompanyAndMembersNothing() {
		String own = "p-" + UUID.randomUUID();
		String other = "p-" + UUID.randomUUID();
		String ownEntry = UUID.randomUUID().toString();
		String otherEntry = UUID.randomUUID().toString();
		publish(ownEntry, new AuditRecorded("member-" + own, own, List.of("PARTNER_MEMBER"),
				"PUT /api/v1/notifications/me/webhook", List.of(), 200, null, "198.51.100.1", null, trace(),
				Instant.now()));
		publish(otherEntry, new AuditRecorded("admin-" + other, other, List.of("PARTNER_ADMIN"),
				"PATCH /api/v1/partners/me", List.of(), 200, null, "198.51.100.2", null, trace(), Instant.now()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.trail.findByEventId(ownEntry).isPresent() && this.trail.findByEventId(otherEntry).isPresent());

		ApiClient.Response mine = partnerAdmin(own).get("/api/v1/audit/me");
		ApiClient.Response tryingOthers = partnerAdmin(own).get("/api/v1/audit/me?loginId=admin-" + other);

		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().path("items")).extracting((n) -> n.path("id").asString()).containsExactly(ownEntry);
		assertThat(tryingOthers.json().path("total").asInt()).isZero();
		assertThat(partnerMember(own).get("/api/v1/audit/me").status()).isEqualTo(403);
		assertThat(partnerAdmin(own).get("/api/v1/audit?partnerId=" + other).status()).isEqualTo(403);
		assertThat(operator().get("/api/v1/audit/me").status()).isEqualTo(403);
	}

	@Test
	void operatorsSearchByPartnerTimeAndActionPaged() {
		String partnerId = "p-" + UUID.randomUUID();
		Instant start = Instant.parse("2026-04-01T01:00:00Z");
		for (int i = 0; i < 5; i++) {
			this.trail.append(new AuditEntry.Recorded(UUID.randomUUID().toString(), "/cx/gateway", "admin-" + partnerId,
					partnerId, List.of("PARTNER_ADMIN"), (i % 2 == 0) ? "PATCH /api/v1/partners/me" : "DELETE /api/v1/identity/members/{loginId}",
					List.of(), 200, null, "198.51.100.3", null, trace(), start.plusSeconds(i)));
		}

		ApiClient.Response page = operator().get("/api/v1/audit?partnerId=" + partnerId + "&size=2&page=0");
		ApiClient.Response patches = operator().get("/api/v1/audit?partnerId=" + partnerId + "&action="
				+ "PATCH%20/api/v1/partners/me&from=" + start.plusSeconds(1) + "&to=" + start.plusSeconds(5));

		assertThat(page.json().path("total").asInt()).isEqualTo(5);
		assertThat(page.json().path("items")).hasSize(2);
		assertThat(page.json().path("items").get(0).path("occurredAt").asString()).isEqualTo(start.plusSeconds(4).toString());
		assertThat(patches.json().path("items")).extracting((n) -> n.path("occurredAt").asString())
			.containsExactly(start.plusSeconds(4).toString(), start.plusSeconds(2).toString());
		assertThat(operator().get("/api/v1/audit?partnerId=%7B%22%24gt%22%3A%22%22%7D").status()).isBetween(400, 422);
		assertThat(operator().get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
		assertThat(operator().get("/api/v1/audit?size=1000").status()).isEqualTo(422);
		ApiClient.Response emptyRange = operator().get("/api/v1/audit?from=" + start + "&to=" + start);
		assertThat(emptyRange.status()).isEqualTo(422);
		assertThat(emptyRange.text("type")).isEqualTo("https://cx.nop.jp/problems/audit-range-empty");
	}

	@Test
	void anOperatorAttachesEntriesToACaseAsEvidence() {
		String partnerId = approvedPartner();
		String caseId = openCase(partnerId);
		AuditEntry entry = this.trail.append(new AuditEntry.Recorded(UUID.randomUUID().toString(), "/cx/gateway",
				"member-" + partnerId, partnerId, List.of("PARTNER_MEMBER"), "PATCH /api/v1/partners/me", List.of(),
				200, null, "198.51.100.4", null, trace(), Instant.now()));
		AuditEntry foreign = this.trail.append(new AuditEntry.Recorded(UUID.randomUUID().toString(), "/cx/gateway",
				"admin-p-other", "p-other", List.of("PARTNER_ADMIN"), "PATCH /api/v1/partners/me", List.of(), 200, null,
				"198.51.100.8", null, trace(), Instant.now()));
		String path = "/api/v1/enforcement/cases/" + caseId + "/evidence";

		ApiClient.Response attached = operator().post(path, Map.of("auditEntryIds", List.of(entry.eventId())));
		ApiClient.Response again = operator().post(path, Map.of("auditEntryIds", List.of(entry.eventId())));
		ApiClient.Response unknown = operator().post(path, Map.of("auditEntryIds", List.of("no-such-entry")));
		ApiClient.Response ofAnother = operator().post(path, Map.of("auditEntryIds", List.of(foreign.eventId())));

		assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
		assertThat(again.json().path("items")).hasSize(1);
		JsonNode shown = operator().get(path).json().path("items").get(0);
		assertThat(shown.path("attachedBy").asString()).isEqualTo("operator");
		assertThat(shown.path("entry").path("id").asString()).isEqualTo(entry.eventId());
		assertThat(shown.path("entry").path("hash").asString()).isEqualTo(entry.hash());
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("auditEntryIds[0]");
		assertThat(ofAnother.status()).isEqualTo(422);
		assertThat(operator().post("/api/v1/enforcement/cases/no-such-case/evidence",
				Map.of("auditEntryIds", List.of(entry.eventId()))).status()).isEqualTo(404);
		assertThat(operator().get(path).json().path("items")).hasSize(1);
	}

	private List<AuditEntry> appendThree(String loginId) {
		return IntStream.range(0, 3).mapToObj((i) -> this.trail.append(recorded(UUID.randomUUID().toString(), loginId))).toList();
	}

	private AuditEntry.Recorded recorded(String eventId, String loginId) {
		return new AuditEntry.Recorded(eventId, "/cx/gateway", loginId, null, List.of("PARTNER_ADMIN"),
				"PATCH /api/v1/partners/me", List.of(), 200, null, "198.51.100.5", "junit", trace(),
				this.clock.instant());
	}

	private AuditRecorded marker(String loginId, String partnerId) {
		return new AuditRecorded(loginId, partnerId, List.of("PARTNER_ADMIN"), "POST /api/v1/terms/acceptances", List.of(),
				201, null, "198.51.100.6", null, trace(), Instant.now());
	}

	private JsonNode awaitOne(String query) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> operator().get("/api/v1/audit?" + query).json().path("total").asInt() >= 1);
		return operator().get("/api/v1/audit?" + query).json().path("items").get(0);
	}

	private JsonNode verification() {
		ApiClient.Response report = operator().get("/api/v1/audit/verification");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		return report.json();
	}

	private static void publish(String eventId, AuditRecorded event) {
		TopicProbe.publish(EventType.AUDIT_RECORDED.topic(), event.partitionKey(), eventId,
				EventType.AUDIT_RECORDED.ceType(), event);
	}

	private static String trace() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** An entry as the API shows it. */
	private static final class AuditEntryJson {

		static JsonNode of(AuditEntry entry) {
			return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(AuditEntryView.of(entry));
		}
	}
}
