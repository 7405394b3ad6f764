package jp.nop.cx.console.pages;

import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.api.ApiResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own ID: password and second factor (SPEC section 3, identity). */
@Controller
class AccountPages {

	private final Api api;

	private final Views views;

	AccountPages(Api api, Views views) {
		this.api = api;
		this.views = views;
	}

	@GetMapping("/account")
	String account(Model model) {
		this.views.show(model, "identity", this.api.get("/api/v1/identity/me"));
		return "account/account";
	}

	@PostMapping("/account/password")
	String password(@RequestParam String currentPassword, @RequestParam String newPassword, Model model,
			RedirectAttributes redirect) {
		ApiResponse changed = this.api.put("/api/v1/identity/me/password",
				this.api.object().put("currentPassword", currentPassword).put("newPassword", newPassword));
		if (!changed.ok()) {
			this.views.show(model, "identity", this.api.get("/api/v1/identity/me"));
			return Flash.refused(model, changed, "account/account");
		}
		return Flash.done(redirect, "password.done", "/account");
	}

	/** Enrolment, step 1: the secret and its otpauth URI, shown once to be put into an authenticator app. */
	@PostMapping("/account/mfa")
	String enrol(Model model) {
		ApiResponse enrolment = this.api.post("/api/v1/identity/me/mfa", null);
		this.views.show(model, "identity", this.api.get("/api/v1/identity/me"));
		if (!enrolment.ok()) {
			return Flash.refused(model, enrolment, "account/account");
		}
		this.views.show(model, "enrolment", enrolment);
		return "account/mfa";
	}

	/** Step 2: a first code proves the app has the secret; the recovery codes are shown once. */
	@PostMapping("/account/mfa/confirmation")
	String confirm(@RequestParam String code, @RequestParam(required = false) String secret,
			@RequestParam(required = false) String otpauthUri, Model model) {
		ApiResponse confirmed = this.api.post("/api/v1/identity/me/mfa/confirmation",
				this.api.object().put("code", code.trim()));
		if (!confirmed.ok()) {
			model.addAttribute("enrolment", java.util.Map.of("secret", secret == null ? "" : secret, "otpauthUri",
					otpauthUri == null ? "" : otpauthUri));
			return Flash.refused(model, confirmed, "account/mfa");
		}
		this.views.show(model, "confirmation", confirmed);
		return "account/mfa-done";
	}

	@PostMapping("/account/mfa/removal")
	String remove(@RequestParam String code, Model model, RedirectAttributes redirect) {
		ApiResponse removed = this.api.delete("/api/v1/identity/me/mfa", this.api.object().put("code", code.trim()));
		if (!removed.ok()) {
			this.views.show(model, "identity", this.api.get("/api/v1/identity/me"));
			return Flash.refused(model, removed, "account/account");
		}
		return Flash.done(redirect, "mfa.removed", "/account");
	}

}
