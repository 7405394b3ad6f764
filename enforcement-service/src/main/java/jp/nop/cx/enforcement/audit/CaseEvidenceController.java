package jp.nop.cx.enforcement.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.enforcement.cases.CaseQueries;
import jp.nop.cx.enforcement.cases.EnforcementCase;
import jp.nop.cx.platform.security.CxPrincipal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Art. 7.1, 7.2: operators attach audit entries to a case as evidence of what was done with the
 * partner's IDs (Art. 4.2), and see them with the case.
 */
@RestController
@RequestMapping("/api/v1/enforcement/cases/{id}/evidence")
class CaseEvidenceController {

	private final CaseQueries cases;

	private final AuditQueries entries;

	private final MongoTemplate mongo;

	private final Clock clock;

	CaseEvidenceController(CaseQueries cases, AuditQueries entries, MongoTemplate mongo, Clock clock) {
		this.cases = cases;
		this.entries = entries;
		this.mongo = mongo;
		this.clock = clock;
	}

	record Attach(@NotNull @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = AuditController.ID) String> auditEntryIds) {
	}

	record Attached(String attachedBy, Instant attachedAt, AuditEntryView entry) {
	}

	record Evidence(String caseId, String partnerId, List<Attached> items) {
	}

	/** Attaches the entries (those attached already stay as they were); 422 naming an unknown or foreign entry. */
	@Operation(summary = "Attach audit entries to a case as evidence / 監査証跡を証拠として添付する")
	@PostMapping
	Evidence attach(@PathVariable String id, @Valid @RequestBody Attach body, CxPrincipal principal) {
		EnforcementCase kase = this.cases.findCase(id);
		Map<String, AuditEntry> found = this.entries.findByEventIds(body.auditEntryIds())
			.stream()
			.collect(Collectors.toMap(AuditEntry::eventId, Function.identity()));
		for (int i = 0; i < body.auditEntryIds().size(); i++) {
			AuditEntry entry = found.get(body.auditEntryIds().get(i));
			if (entry == null) {
				throw RuleViolation.invalid("auditEntryIds[" + i + "]", "unknown-audit-entry");
			}
			// An operator's own entries name no partner; a partner's entry belongs to that partner's case only.
			if (entry.partnerId() != null && !entry.partnerId().equals(kase.partnerId())) {
				throw RuleViolation.invalid("auditEntryIds[" + i + "]", "audit-entry-of-another-partner");
			}
		}
		Instant now = this.clock.instant();
		for (String entryId : body.auditEntryIds()) {
			try {
				this.mongo.insert(CaseEvidence.of(id, found.get(entryId), principal.loginId(), now));
			}
			catch (DuplicateKeyException ex) {
				// Attached before: evidence keeps who attached it first, and when.
			}
		}
		return show(kase);
	}

	@Operation(summary = "A case's audit evidence / 案件の証拠")
	@GetMapping
	Evidence list(@PathVariable String id) {
		return show(this.cases.findCase(id));
	}

	private Evidence show(EnforcementCase kase) {
		List<CaseEvidence> attached = this.mongo.find(Query.query(Criteria.where("caseId").is(kase.caseId()))
			.with(Sort.by("attachedAt", "_id")), CaseEvidence.class);
		List<Attached> items = attached.stream()
			.map((a) -> new Attached(a.attachedBy(), a.attachedAt(), AuditEntryView.of(a.entry())))
			.toList();
		return new Evidence(kase.caseId(), kase.partnerId(), items);
	}
}
