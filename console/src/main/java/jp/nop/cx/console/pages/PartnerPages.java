package jp.nop.cx.console.pages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.api.ApiResponse;
import jp.nop.cx.console.session.ConsoleSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A partner's pages (SPEC section 3, console: partner). Every read and write is the API's, with the user's token. */
@Controller
class PartnerPages {

	private final Api api;

	private final Views views;

	private final ConsoleSession session;

	PartnerPages(Api api, Views views, ConsoleSession session) {
		this.api = api;
		this.views = views;
		this.session = session;
	}

	/** Home: standing and active measures (Art. 7.2), unread notices, terms waiting for acceptance (Art. 16). */
	@GetMapping("/partner")
	String home(Model model) {
		this.views.show(model, "standing", this.api.get("/api/v1/enforcement/me/standing"));
		ApiResponse inbox = this.api.get("/api/v1/notifications/me?size=5");
		if (inbox.ok()) {
			this.views.items(model, "notices", inbox);
			model.addAttribute("unread", inbox.json().path("unread").asLong());
		}
		else {
			model.addAttribute("blocked", inbox.problem());
		}
		termsToAccept(model);
		return "partner/home";
	}

	/**
	 * The version in force and every scheduled one (Art. 16.2: notified before they take
	 * effect) that no ID of the company has accepted yet.
	 */
	private void termsToAccept(Model model) {
		ApiResponse versions = this.api.get("/api/v1/terms/versions");
		ApiResponse mine = this.api.get("/api/v1/terms/acceptances/me");
		if (!versions.ok() || !mine.ok()) {
			return;
		}
		Set<String> accepted = new HashSet<>();
		for (JsonNode item : mine.json().path("items")) {
			item.path("versions").forEach((v) -> accepted.add(v.asString()));
			if (item.path("version").isString()) {
				accepted.add(item.path("version").asString());
			}
		}
		Set<String> open = new HashSet<>();
		open.add(versions.json().path("current").asString(""));
		versions.json().path("scheduled").forEach((v) -> open.add(v.asString()));
		open.removeAll(accepted);
		List<Object> pending = new ArrayList<>();
		for (JsonNode item : versions.json().path("items")) {
			if (open.contains(item.path("version").asString())) {
				pending.add(this.views.plain(item));
			}
		}
		model.addAttribute("pendingTerms", pending);
	}

	/** Art. 3: registration info kept current; the corporate number never changes. */
	@GetMapping("/partner/info")
	String info(Model model) {
		this.views.show(model, "partner", this.api.get("/api/v1/partners/me"));
		return "partner/info";
	}

	@PostMapping("/partner/info")
	String updateInfo(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		ObjectNode patch = this.api.object();
		FormBlocks.putFilled(patch, form, "company", FormBlocks.MUTABLE_COMPANY);
		FormBlocks.putFilled(patch, form, "representative", FormBlocks.REPRESENTATIVE);
		FormBlocks.putFilled(patch, form, "contact", FormBlocks.CONTACT);
		if (form.containsKey("preferredLanguage")) {
			patch.put("preferredLanguage", form.get("preferredLanguage"));
		}
		ApiResponse updated = this.api.patch("/api/v1/partners/me", patch);
		if (!updated.ok()) {
			this.views.show(model, "partner", this.api.get("/api/v1/partners/me"));
			return Flash.refused(model, updated, "partner/info");
		}
		return Flash.done(redirect, "info.done", "/partner/info");
	}

	/** Art. 4.2: further IDs of the company, administered by its partner admin. */
	@GetMapping("/partner/members")
	String members(Model model) {
		this.views.items(model, "members", this.api.get("/api/v1/identity/members"));
		return "partner/members";
	}

	@PostMapping("/partner/members")
	String addMember(@RequestParam String email, @RequestParam(required = false) String name, Model model,
			RedirectAttributes redirect) {
		ApiResponse created = this.api.post("/api/v1/identity/members", this.api.object().put("email", email).put("name", name));
		if (!created.ok()) {
			this.views.items(model, "members", this.api.get("/api/v1/identity/members"));
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			return Flash.refused(model, created, "partner/members");
		}
		redirect.addFlashAttribute("created", this.views.plain(created.json()));
		return Flash.done(redirect, "members.done", "/partner/members");
	}

	@PostMapping("/partner/members/{loginId}/removal")
	String removeMember(@PathVariable String loginId, Model model, RedirectAttributes redirect) {
		ApiResponse removed = this.api.delete("/api/v1/identity/members/" + PublicPages.encode(loginId), null);
		if (!removed.ok()) {
			this.views.items(model, "members", this.api.get("/api/v1/identity/members"));
			return Flash.refused(model, removed, "partner/members");
		}
		return Flash.done(redirect, "members.removed", "/partner/members");
	}

	/** Art. 4.3: a lost or misused ID is reported; the named IDs stop working at once. */
	@GetMapping("/partner/incident")
	String incidentForm(Model model) {
		if (this.session.isPartnerAdmin()) {
			this.views.items(model, "members", this.api.get("/api/v1/identity/members"));
		}
		return "partner/incident";
	}

	@PostMapping("/partner/incident")
	String report(@RequestParam String type, @RequestParam(required = false) List<String> loginIds,
			@RequestParam(required = false) String detail, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		ObjectNode body = this.api.object().put("type", type).put("detail", detail);
		if (loginIds != null && !loginIds.isEmpty()) {
			ArrayNode ids = body.putArray("loginIds");
			loginIds.forEach(ids::add);
		}
		ApiResponse reported = this.api.post("/api/v1/identity/me/incidents", body);
		if (!reported.ok()) {
			return Flash.refused(model, reported, "partner/incident");
		}
		List<String> named = new ArrayList<>();
		reported.json().path("loginIds").forEach((id) -> named.add(id.asString()));
		if (named.isEmpty() || named.contains(this.session.getLoginId())) {
			// The reporter's own ID is blocked now: this session ends with it.
			this.session.clear();
			request.getSession().invalidate();
			return "redirect:/signin?reported";
		}
		return Flash.done(redirect, "incident.done", "/partner");
	}

	@GetMapping("/partner/inbox")
	String inbox(Model model) {
		ApiResponse inbox = this.api.get("/api/v1/notifications/me?size=50");
		this.views.items(model, "notices", inbox);
		if (inbox.ok()) {
			model.addAttribute("unread", inbox.json().path("unread").asLong());
		}
		return "partner/inbox";
	}

	@PostMapping("/partner/inbox/{id}/read")
	String read(@PathVariable String id, RedirectAttributes redirect) {
		ApiResponse read = this.api.post("/api/v1/notifications/" + PublicPages.encode(id) + "/read", null);
		if (!read.ok()) {
			redirect.addFlashAttribute("problem", read.problem());
		}
		return "redirect:/partner/inbox";
	}

	@GetMapping("/partner/webhook")
	String webhook(Model model) {
		ApiResponse current = this.api.get("/api/v1/notifications/me/webhook");
		if (current.ok()) {
			this.views.show(model, "webhook", current);
		}
		return "partner/webhook";
	}

	/** The signing secret is shown once, on this answer only; the console keeps no copy. */
	@PostMapping("/partner/webhook")
	String registerWebhook(@RequestParam String url, Model model) {
		ApiResponse registered = this.api.put("/api/v1/notifications/me/webhook", this.api.object().put("url", url));
		model.addAttribute("url", url);
		if (!registered.ok()) {
			return Flash.refused(model, registered, "partner/webhook");
		}
		this.views.show(model, "webhook", registered);
		model.addAttribute("secretOnce", true);
		return "partner/webhook";
	}

	@PostMapping("/partner/webhook/removal")
	String removeWebhook(Model model, RedirectAttributes redirect) {
		ApiResponse removed = this.api.delete("/api/v1/notifications/me/webhook", null);
		if (!removed.ok()) {
			return Flash.refused(model, removed, "partner/webhook");
		}
		return Flash.done(redirect, "webhook.removed", "/partner/webhook");
	}

	/** Art. 16: the terms in force, what changed, and the company's acceptances. */
	@GetMapping("/partner/terms")
	String terms(Model model) {
		this.views.show(model, "acceptances", this.api.get("/api/v1/terms/acceptances/me"));
		termsToAccept(model);
		return "partner/terms";
	}

	@PostMapping("/partner/terms/acceptance")
	String accept(@RequestParam String version, Model model, RedirectAttributes redirect) {
		ApiResponse accepted = this.api.post("/api/v1/terms/acceptances", this.api.object().put("version", version));
		if (!accepted.ok()) {
			redirect.addFlashAttribute("problem", accepted.problem());
			return "redirect:/partner/terms";
		}
		return Flash.done(redirect, "terms.accepted", "/partner/terms");
	}

	/** Art. 5, 6: everything held about the company, as one JSON file. */
	@GetMapping("/partner/export")
	Object export(Model model) {
		ApiResponse export = this.api.get("/api/v1/partners/me/export");
		if (!export.ok()) {
			model.addAttribute("problem", export.problem());
			return "partner/export";
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("cx-backup-" + this.session.getPartnerId() + ".json").build().toString())
			.body(export.raw());
	}

	@GetMapping("/partner/backup")
	String backup() {
		return "partner/export";
	}

	/** Art. 12.1: termination with at least the notice period; withdrawn before it takes effect. */
	@GetMapping("/partner/termination")
	String termination(Model model) {
		showTermination(model);
		return "partner/termination";
	}

	private void showTermination(Model model) {
		this.views.show(model, "partner", this.api.get("/api/v1/partners/me"));
		ApiResponse notice = this.api.get("/api/v1/partners/me/termination");
		model.addAttribute("earliest", notice.ok() ? notice.json().path("earliestEffectiveOn").asString("") : "");
	}

	@PostMapping("/partner/termination")
	String terminate(@RequestParam String effectiveOn, Model model, RedirectAttributes redirect) {
		ApiResponse scheduled = this.api.post("/api/v1/partners/me/termination",
				this.api.object().put("effectiveOn", effectiveOn));
		if (!scheduled.ok()) {
			showTermination(model);
			model.addAttribute("effectiveOn", effectiveOn);
			return Flash.refused(model, scheduled, "partner/termination");
		}
		return Flash.done(redirect, "termination.done", "/partner/termination");
	}

	@PostMapping("/partner/termination/withdrawal")
	String withdraw(Model model, RedirectAttributes redirect) {
		ApiResponse withdrawn = this.api.delete("/api/v1/partners/me/termination", null);
		if (!withdrawn.ok()) {
			showTermination(model);
			return Flash.refused(model, withdrawn, "partner/termination");
		}
		return Flash.done(redirect, "termination.withdrawn", "/partner/termination");
	}

	/** Art. 17: a transfer of status is only requested here; NOP's consent moves it. */
	@GetMapping("/partner/transfer")
	String transfer(Model model) {
		this.views.items(model, "transfers", this.api.get("/api/v1/partners/me/transfers"));
		model.addAttribute("form", Map.of());
		return "partner/transfer";
	}

	@PostMapping("/partner/transfer")
	String requestTransfer(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		ObjectNode body = this.api.object();
		ObjectNode transferee = body.putObject("transferee");
		FormBlocks.put(transferee, form, "company", FormBlocks.COMPANY);
		FormBlocks.put(transferee, form, "contact", FormBlocks.CONTACT);
		body.put("reason", form.get("reason"));
		ApiResponse requested = this.api.post("/api/v1/partners/me/transfers", body);
		if (!requested.ok()) {
			this.views.items(model, "transfers", this.api.get("/api/v1/partners/me/transfers"));
			model.addAttribute("form", form);
			return Flash.refused(model, requested, "partner/transfer");
		}
		return Flash.done(redirect, "transfer.done", "/partner/transfer");
	}

	/** Art. 7.5: the company's own cases, and proposals to resume. */
	@GetMapping("/partner/cases")
	String cases(Model model) {
		this.views.items(model, "cases", this.api.get("/api/v1/enforcement/me/cases"));
		return "partner/cases";
	}

	@GetMapping("/partner/cases/{id}")
	String kase(@PathVariable String id, Model model) {
		this.views.show(model, "kase", this.api.get("/api/v1/enforcement/me/cases/" + PublicPages.encode(id)));
		return "partner/case";
	}

	@PostMapping("/partner/cases/{id}/proposals")
	String propose(@PathVariable String id, @RequestParam String statement, @RequestParam String proposedResumeAt,
			Model model, RedirectAttributes redirect) {
		ApiResponse proposed = this.api.post("/api/v1/enforcement/me/cases/" + PublicPages.encode(id) + "/proposals",
				this.api.object().put("statement", statement).put("proposedResumeAt", Times.instant(proposedResumeAt)));
		if (!proposed.ok()) {
			this.views.show(model, "kase", this.api.get("/api/v1/enforcement/me/cases/" + PublicPages.encode(id)));
			model.addAttribute("statement", statement);
			return Flash.refused(model, proposed, "partner/case");
		}
		return Flash.done(redirect, "proposal.done", "/partner/cases/" + PublicPages.encode(id));
	}

	/** Art. 4.2: what was done with the company's IDs. */
	@GetMapping("/partner/audit")
	String audit(Model model) {
		this.views.items(model, "entries", this.api.get("/api/v1/audit/me"));
		return "partner/audit";
	}

}
