package jp.nop.cx.console.pages;

import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.api.ApiResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** NOP's pages (SPEC section 3, console: operator). The API checks the OPERATOR role on every call. */
@Controller
class OperatorPages {

	/** The capabilities of SPEC section 3 (gateway) a partial measure or a service event may name. */
	static final List<String> CAPABILITIES = List.of("registration", "identity", "terms", "enforcement",
			"notifications", "webhooks", "export");

	static final List<String> CATEGORIES = List.of("TERMS_VIOLATION", "SERVICE_OBSTRUCTION",
			"EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS", "PRIVACY_OR_DEFAMATION", "IP_INFRINGEMENT",
			"OTHER_RIGHTS_INFRINGEMENT", "REVERSE_ENGINEERING", "MALWARE", "SYSTEM_OR_DATA_DAMAGE", "ID_MISUSE",
			"ILLEGAL_OR_IMMORAL", "OTHER_INAPPROPRIATE");

	static final Map<String, List<String>> STATUS_REASONS = Map.of("INTERRUPTION",
			List.of("FACILITY_WORKS", "POWER_OR_TELECOM_OUTAGE", "PROVIDER_INTERRUPTION", "PUBLIC_AUTHORITY_ORDER",
					"FACILITY_FAILURE", "OPERATIONAL_REASON"),
			"MAINTENANCE", List.of("VERSION_UP", "MAINTENANCE"), "RESTRICTION",
			List.of("NATURAL_DISASTER", "WAR_OR_TERROR", "POWER_OR_PUBLIC_ORDER"), "DISCONTINUATION",
			List.of("FACILITY_END_OF_LIFE", "PROVIDER_ENDED", "PROLONGED_INTERRUPTION", "EQUIVALENT_SERVICE_STARTED",
					"UNAVOIDABLE", "BY_NOTICE"));

	private final Api api;

	private final Views views;

	OperatorPages(Api api, Views views) {
		this.api = api;
		this.views = views;
	}

	@GetMapping("/operator")
	String home(Model model) {
		this.views.items(model, "applications", this.api.get("/api/v1/registrations?status=SUBMITTED"));
		this.views.items(model, "cases", this.api.get("/api/v1/enforcement/cases?status=OPEN"));
		this.views.show(model, "status", this.api.get("/api/v1/service-status"));
		return "operator/home";
	}

	// Art. 2.1: applications are reviewed; NOP approves or rejects.

	@GetMapping("/operator/applications")
	String applications(@RequestParam(defaultValue = "SUBMITTED") String status, Model model) {
		this.views.items(model, "applications", this.api.get("/api/v1/registrations?status=" + PublicPages.encode(status)));
		model.addAttribute("status", status);
		return "operator/applications";
	}

	// The model name is "registration": "application" is Thymeleaf's name for the servlet context.
	@GetMapping("/operator/applications/{id}")
	String application(@PathVariable String id, Model model) {
		this.views.show(model, "registration", this.api.get("/api/v1/registrations/" + PublicPages.encode(id)));
		return "operator/application";
	}

	@PostMapping("/operator/applications/{id}/approval")
	String approve(@PathVariable String id, Model model, RedirectAttributes redirect) {
		ApiResponse approved = this.api.post("/api/v1/registrations/" + PublicPages.encode(id) + "/approval", null);
		if (!approved.ok()) {
			this.views.show(model, "registration", this.api.get("/api/v1/registrations/" + PublicPages.encode(id)));
			return Flash.refused(model, approved, "operator/application");
		}
		return Flash.done(redirect, "application.approved",
				"/operator/partners/" + PublicPages.encode(approved.json().path("partnerId").asString()));
	}

	@PostMapping("/operator/applications/{id}/rejection")
	String reject(@PathVariable String id, @RequestParam String reason, Model model, RedirectAttributes redirect) {
		ApiResponse rejected = this.api.post("/api/v1/registrations/" + PublicPages.encode(id) + "/rejection",
				this.api.object().put("reason", reason));
		if (!rejected.ok()) {
			this.views.show(model, "registration", this.api.get("/api/v1/registrations/" + PublicPages.encode(id)));
			model.addAttribute("reason", reason);
			return Flash.refused(model, rejected, "operator/application");
		}
		return Flash.done(redirect, "application.rejected", "/operator/applications");
	}

	// Partners, their standing, cases and notices.

	@GetMapping("/operator/partners")
	String partners(Model model) {
		this.views.items(model, "partners", this.api.get("/api/v1/partners?size=100"));
		return "operator/partners";
	}

	@GetMapping("/operator/partners/{id}")
	String partner(@PathVariable String id, Model model) {
		String partner = PublicPages.encode(id);
		this.views.show(model, "partner", this.api.get("/api/v1/partners/" + partner));
		model.addAttribute("standing", this.views.plain(okJson(this.api.get("/api/v1/enforcement/partners/" + partner + "/standing"))));
		model.addAttribute("cases", itemsOf(this.api.get("/api/v1/enforcement/cases?partnerId=" + partner)));
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("partnerId", id);
		return "operator/partner";
	}

	/** Art. 12.2: termination by NOP with prior notice. */
	@PostMapping("/operator/partners/{id}/termination")
	String terminate(@PathVariable String id, @RequestParam String effectiveOn, @RequestParam String reason,
			Model model, RedirectAttributes redirect) {
		ApiResponse scheduled = this.api.post("/api/v1/partners/" + PublicPages.encode(id) + "/termination",
				this.api.object().put("effectiveOn", effectiveOn).put("reason", reason));
		if (!scheduled.ok()) {
			redirect.addFlashAttribute("problem", scheduled.problem());
			return "redirect:/operator/partners/" + PublicPages.encode(id);
		}
		return Flash.done(redirect, "termination.done", "/operator/partners/" + PublicPages.encode(id));
	}

	// Art. 7: cases, measures, resolution, proposals (Art. 7.5).

	@GetMapping("/operator/cases")
	String cases(@RequestParam(required = false) String status, Model model) {
		this.views.items(model, "cases",
				this.api.get("/api/v1/enforcement/cases" + ((status == null || status.isBlank()) ? "" : "?status=" + PublicPages.encode(status))));
		model.addAttribute("status", status);
		return "operator/cases";
	}

	@PostMapping("/operator/cases")
	String openCase(@RequestParam String partnerId, @RequestParam String category, @RequestParam String description,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		ApiResponse opened = this.api.post("/api/v1/enforcement/cases", this.api.object()
			.put("partnerId", partnerId)
			.put("category", category)
			.put("description", description)
			.put("evidence", evidence));
		if (!opened.ok()) {
			redirect.addFlashAttribute("problem", opened.problem());
			return "redirect:/operator/partners/" + PublicPages.encode(partnerId);
		}
		return Flash.done(redirect, "case.opened", "/operator/cases/" + PublicPages.encode(opened.json().path("id").asString()));
	}

	@GetMapping("/operator/cases/{id}")
	String kase(@PathVariable String id, Model model) {
		this.views.show(model, "kase", this.api.get("/api/v1/enforcement/cases/" + PublicPages.encode(id)));
		model.addAttribute("capabilities", CAPABILITIES);
		return "operator/case";
	}

	@PostMapping("/operator/cases/{id}/measures")
	String impose(@PathVariable String id, @RequestParam String type, @RequestParam(defaultValue = "all") String scope,
			@RequestParam(required = false) List<String> capabilities, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect) {
		ObjectNode body = this.api.object().put("type", type).put("note", note);
		if ("capabilities".equals(scope)) {
			ArrayNode named = body.putObject("scope").putArray("capabilities");
			if (capabilities != null) {
				capabilities.forEach(named::add);
			}
		}
		else if (!"none".equals(scope)) {
			body.putObject("scope").put("all", true);
		}
		ApiResponse imposed = this.api.post("/api/v1/enforcement/cases/" + PublicPages.encode(id) + "/measures", body);
		return afterCaseChange(id, imposed, "measure.imposed", model, redirect);
	}

	/** Art. 7.3, 7.5: measures lift now, or at the time agreed with the partner or decided by NOP. */
	@PostMapping("/operator/cases/{id}/resolution")
	String resolve(@PathVariable String id, @RequestParam(required = false) String resumeAt,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		ObjectNode body = this.api.object().put("note", note);
		if (resumeAt != null && !resumeAt.isBlank()) {
			body.put("resumeAt", Times.instant(resumeAt));
		}
		ApiResponse resolved = this.api.post("/api/v1/enforcement/cases/" + PublicPages.encode(id) + "/resolution", body);
		return afterCaseChange(id, resolved, "case.resolved", model, redirect);
	}

	@PostMapping("/operator/cases/{id}/proposals/{proposalId}/agreement")
	String agree(@PathVariable String id, @PathVariable String proposalId, Model model, RedirectAttributes redirect) {
		ApiResponse agreed = this.api.post("/api/v1/enforcement/cases/" + PublicPages.encode(id) + "/proposals/"
				+ PublicPages.encode(proposalId) + "/agreement", null);
		return afterCaseChange(id, agreed, "proposal.agreed", model, redirect);
	}

	@PostMapping("/operator/cases/{id}/proposals/{proposalId}/refusal")
	String refuse(@PathVariable String id, @PathVariable String proposalId, @RequestParam String reason, Model model,
			RedirectAttributes redirect) {
		ApiResponse refused = this.api.post("/api/v1/enforcement/cases/" + PublicPages.encode(id) + "/proposals/"
				+ PublicPages.encode(proposalId) + "/refusal", this.api.object().put("reason", reason));
		return afterCaseChange(id, refused, "proposal.refused", model, redirect);
	}

	private String afterCaseChange(String id, ApiResponse answer, String done, Model model, RedirectAttributes redirect) {
		if (!answer.ok()) {
			this.views.show(model, "kase", this.api.get("/api/v1/enforcement/cases/" + PublicPages.encode(id)));
			model.addAttribute("capabilities", CAPABILITIES);
			return Flash.refused(model, answer, "operator/case");
		}
		return Flash.done(redirect, done, "/operator/cases/" + PublicPages.encode(id));
	}

	// Art. 8-11: service status.

	@GetMapping("/operator/status")
	String status(Model model) {
		this.views.items(model, "events", this.api.get("/api/v1/service-status/events"));
		model.addAttribute("reasons", STATUS_REASONS);
		model.addAttribute("capabilities", CAPABILITIES);
		return "operator/status";
	}

	@PostMapping("/operator/status")
	String declare(@RequestParam String kind, @RequestParam String reason, @RequestParam(defaultValue = "all") String scope,
			@RequestParam(required = false) List<String> capabilities, @RequestParam(required = false) String startsAt,
			@RequestParam(required = false) String endsAt, @RequestParam(defaultValue = "false") boolean urgent, Model model,
			RedirectAttributes redirect) {
		ObjectNode body = this.api.object().put("kind", kind).put("reason", reason).put("urgent", urgent);
		if ("capabilities".equals(scope)) {
			ArrayNode named = body.putObject("scope").putArray("capabilities");
			if (capabilities != null) {
				capabilities.forEach(named::add);
			}
		}
		else {
			body.putObject("scope").put("all", true);
		}
		body.put("startsAt", (startsAt == null || startsAt.isBlank()) ? java.time.Instant.now().toString() : Times.instant(startsAt));
		if (endsAt != null && !endsAt.isBlank()) {
			body.put("endsAt", Times.instant(endsAt));
		}
		ApiResponse declared = this.api.post("/api/v1/service-status/events", body);
		if (!declared.ok()) {
			this.views.items(model, "events", this.api.get("/api/v1/service-status/events"));
			model.addAttribute("reasons", STATUS_REASONS);
			model.addAttribute("capabilities", CAPABILITIES);
			return Flash.refused(model, declared, "operator/status");
		}
		return Flash.done(redirect, "status.declared", "/operator/status");
	}

	@PostMapping("/operator/status/{id}/end")
	String end(@PathVariable String id, RedirectAttributes redirect) {
		ApiResponse ended = this.api.post("/api/v1/service-status/events/" + PublicPages.encode(id) + "/end", null);
		if (!ended.ok()) {
			redirect.addFlashAttribute("problem", ended.problem());
			return "redirect:/operator/status";
		}
		return Flash.done(redirect, "status.ended", "/operator/status");
	}

	// Art. 1.2, 16: terms, with a diff preview before publishing.

	@GetMapping("/operator/terms")
	String terms(Model model) {
		termsPage(model);
		model.addAttribute("draft", Map.of());
		return "operator/terms";
	}

	@PostMapping("/operator/terms")
	String publishOrPreview(@RequestParam Map<String, String> draft, Model model, RedirectAttributes redirect) {
		if (!"publish".equals(draft.get("action"))) {
			termsPage(model);
			model.addAttribute("draft", draft);
			model.addAttribute("preview", preview(draft.get("body")));
			return "operator/terms";
		}
		ObjectNode body = this.api.object()
			.put("version", draft.get("version"))
			.put("effectiveFrom", Times.instant(draft.get("effectiveFrom")))
			.put("title", draft.get("title"))
			.put("body", draft.get("body"))
			.put("changeSummary", draft.get("changeSummary"))
			.put("language", draft.getOrDefault("language", "ja"));
		String path = "supplement".equals(draft.get("kind")) ? "/api/v1/terms/supplements" : "/api/v1/terms/versions";
		if ("supplement".equals(draft.get("kind"))) {
			body.put("scope", draft.get("scope"));
		}
		ApiResponse published = this.api.post(path, body);
		if (!published.ok()) {
			termsPage(model);
			model.addAttribute("draft", draft);
			return Flash.refused(model, published, "operator/terms");
		}
		return Flash.done(redirect, "terms.published", "/operator/terms");
	}

	private void termsPage(Model model) {
		ApiResponse current = this.api.get("/api/v1/terms/current");
		this.views.show(model, "current", current);
		this.views.items(model, "versions", this.api.get("/api/v1/terms/versions"));
		this.views.show(model, "supplements", this.api.get("/api/v1/terms/supplements"));
		model.addAttribute("capabilities", CAPABILITIES);
	}

	/** The unified diff of the draft against the terms in force, before anything is published. */
	private List<String> preview(String draftBody) {
		ApiResponse current = this.api.get("/api/v1/terms/current");
		List<String> before = current.json().path("body").asString("").lines().toList();
		List<String> after = (draftBody == null ? "" : draftBody).lines().toList();
		return UnifiedDiffUtils.generateUnifiedDiff("current", "draft", before, DiffUtils.diff(before, after), 3);
	}

	@GetMapping("/operator/compliance")
	String compliance(Model model) {
		this.views.show(model, "compliance", this.api.get("/api/v1/terms/compliance"));
		return "operator/compliance";
	}

	/** Proof of notice: every delivery of every notice to a partner. */
	@GetMapping("/operator/deliveries")
	String deliveries(@RequestParam(required = false) String partnerId, Model model) {
		if (partnerId != null && !partnerId.isBlank()) {
			this.views.items(model, "deliveries",
					this.api.get("/api/v1/notifications/deliveries?partnerId=" + PublicPages.encode(partnerId)));
		}
		model.addAttribute("partnerId", partnerId);
		return "operator/deliveries";
	}

	// Art. 4.3: a fresh activation for an ID (after a loss report, say).

	@GetMapping("/operator/credentials")
	String credentials(@RequestParam(required = false) String loginId, Model model) {
		if (loginId != null && !loginId.isBlank()) {
			this.views.show(model, "credential", this.api.get("/api/v1/identity/credentials/" + PublicPages.encode(loginId)));
		}
		model.addAttribute("loginId", loginId);
		return "operator/credentials";
	}

	@PostMapping("/operator/credentials/reissue")
	String reissue(@RequestParam String loginId, Model model, RedirectAttributes redirect) {
		ApiResponse reissued = this.api.post("/api/v1/identity/credentials/" + PublicPages.encode(loginId) + "/reissue", null);
		if (!reissued.ok()) {
			model.addAttribute("loginId", loginId);
			return Flash.refused(model, reissued, "operator/credentials");
		}
		return Flash.done(redirect, "credential.reissued", "/operator/credentials?loginId=" + PublicPages.encode(loginId));
	}

	// Art. 17: transfers wait for NOP's consent.

	@GetMapping("/operator/transfers")
	String transfers(Model model) {
		this.views.items(model, "transfers", this.api.get("/api/v1/transfers"));
		return "operator/transfers";
	}

	@PostMapping("/operator/transfers/{id}/consent")
	String consent(@PathVariable String id, RedirectAttributes redirect) {
		ApiResponse consented = this.api.post("/api/v1/transfers/" + PublicPages.encode(id) + "/consent", null);
		if (!consented.ok()) {
			redirect.addFlashAttribute("problem", consented.problem());
			return "redirect:/operator/transfers";
		}
		return Flash.done(redirect, "transfer.consented", "/operator/transfers");
	}

	@PostMapping("/operator/transfers/{id}/refusal")
	String refuseTransfer(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
		ApiResponse refused = this.api.post("/api/v1/transfers/" + PublicPages.encode(id) + "/refusal",
				this.api.object().put("reason", reason));
		if (!refused.ok()) {
			redirect.addFlashAttribute("problem", refused.problem());
			return "redirect:/operator/transfers";
		}
		return Flash.done(redirect, "transfer.refused", "/operator/transfers");
	}

	// Art. 4.2, 7.2: the audit trail.

	@GetMapping("/operator/audit")
	String audit(@RequestParam Map<String, String> filter, Model model) {
		StringBuilder query = new StringBuilder("/api/v1/audit?size=50");
		for (String name : List.of("partnerId", "loginId", "action", "from", "to")) {
			String value = filter.get(name);
			if (value != null && !value.isBlank()) {
				query.append('&').append(name).append('=').append(PublicPages.encode(value));
			}
		}
		this.views.items(model, "entries", this.api.get(query.toString()));
		this.views.show(model, "verification", this.api.get("/api/v1/audit/verification"));
		model.addAttribute("filter", filter);
		return "operator/audit";
	}

	private static tools.jackson.databind.JsonNode okJson(ApiResponse response) {
		return response.ok() ? response.json() : tools.jackson.databind.node.MissingNode.getInstance();
	}

	private List<Object> itemsOf(ApiResponse response) {
		if (!response.ok()) {
			return List.of();
		}
		tools.jackson.databind.JsonNode node = response.json();
		tools.jackson.databind.JsonNode items = node.isArray() ? node : node.path("items").isArray() ? node.path("items") : node.path("content");
		List<Object> list = new java.util.ArrayList<>();
		items.forEach((item) -> list.add(this.views.plain(item)));
		return list;
	}

}
