package jp.nop.cx.console.pages;

import java.util.Map;

import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.api.ApiResponse;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Art. 3, preamble: an application states the company and agrees to the terms in force. */
@Controller
class ApplyPage {

	private final Api api;

	private final Views views;

	ApplyPage(Api api, Views views) {
		this.api = api;
		this.views = views;
	}

	@GetMapping("/apply")
	String form(Model model) {
		model.addAttribute("form", Map.of());
		return page(model);
	}

	@PostMapping("/apply")
	String apply(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		ObjectNode body = this.api.object();
		FormBlocks.put(body, form, "company", FormBlocks.COMPANY);
		FormBlocks.put(body, form, "representative", FormBlocks.REPRESENTATIVE);
		FormBlocks.put(body, form, "contact", FormBlocks.CONTACT);
		body.put("preferredLanguage", "en".equals(form.get("preferredLanguage")) ? "en" : "ja");
		ObjectNode agreement = body.putObject("agreement");
		agreement.put("termsVersion", form.get("agreement.termsVersion"));
		agreement.put("accepted", "true".equals(form.get("agreement.accepted")));
		ApiResponse submitted = this.api.anonymous(HttpMethod.POST, "/api/v1/registrations", body);
		if (!submitted.ok()) {
			model.addAttribute("form", form);
			model.addAttribute("problem", submitted.problem());
			return page(model);
		}
		redirect.addFlashAttribute("applicationId", submitted.json().path("id").asString());
		return Flash.done(redirect, "apply.done", "/apply/done");
	}

	@GetMapping("/apply/done")
	String done() {
		return "public/apply-done";
	}

	private String page(Model model) {
		this.views.show(model, "terms", this.api.anonymous(HttpMethod.GET, "/api/v1/terms/current", null));
		return "public/apply";
	}

}
