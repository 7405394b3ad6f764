package jp.nop.cx.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.session.ConsoleSession;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** What anyone may read (SPEC section 2, anonymous): the terms in force, every version, the service status. */
@Controller
class PublicPages {

	private final Api api;

	private final Views views;

	private final ConsoleSession session;

	PublicPages(Api api, Views views, ConsoleSession session) {
		this.api = api;
		this.views = views;
		this.session = session;
	}

	@GetMapping("/")
	String home(Model model) {
		if (this.session.isOperator()) {
			return "redirect:/operator";
		}
		if (this.session.isPartner()) {
			return "redirect:/partner";
		}
		this.views.show(model, "terms", this.api.anonymous(HttpMethod.GET, "/api/v1/terms/current", null));
		return "public/home";
	}

	/** Art. 8-11: whether the portal is up, and what is announced. */
	@GetMapping("/status")
	String status(Model model) {
		this.views.show(model, "status", this.api.anonymous(HttpMethod.GET, "/api/v1/service-status", null));
		return "public/status";
	}

	/** Preamble, Art. 16: the terms in force and every published version. */
	@GetMapping("/terms")
	String terms(Model model) {
		this.views.show(model, "terms", this.api.anonymous(HttpMethod.GET, "/api/v1/terms/current", null));
		this.views.items(model, "versions", this.api.anonymous(HttpMethod.GET, "/api/v1/terms/versions", null));
		return "public/terms";
	}

	@GetMapping("/terms/versions/{version}")
	String version(@PathVariable String version, Model model) {
		this.views.show(model, "terms",
				this.api.anonymous(HttpMethod.GET, "/api/v1/terms/versions/" + encode(version), null));
		this.views.items(model, "versions", this.api.anonymous(HttpMethod.GET, "/api/v1/terms/versions", null));
		return "public/terms";
	}

	@GetMapping("/terms/diff")
	String diff(@RequestParam String from, @RequestParam String to, Model model) {
		this.views.show(model, "diff", this.api.anonymous(HttpMethod.GET,
				"/api/v1/terms/versions/" + encode(to) + "/diff?from=" + encode(from), null));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "public/diff";
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
