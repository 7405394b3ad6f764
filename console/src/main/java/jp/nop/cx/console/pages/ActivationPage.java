package jp.nop.cx.console.pages;

import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.api.ApiResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Art. 4.1: the link in the first mail ({@code /activate?token=}) lands here; the token goes
 * back to the API in the form body, never into a log line or another URL.
 */
@Controller
class ActivationPage {

	private final Api api;

	ActivationPage(Api api) {
		this.api = api;
	}

	@GetMapping("/activate")
	String form(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "public/activate";
	}

	@PostMapping("/activate")
	String activate(@RequestParam String token, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
		model.addAttribute("token", token);
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("mismatch", true);
			return "public/activate";
		}
		ApiResponse activated = this.api.anonymous(HttpMethod.POST, "/api/v1/auth/activation",
				this.api.object().put("token", token).put("newPassword", newPassword));
		if (!activated.ok()) {
			return Flash.refused(model, activated, "public/activate");
		}
		redirect.addFlashAttribute("loginId", activated.json().path("loginId").asString(""));
		return Flash.done(redirect, "activate.done", "/signin");
	}

}
