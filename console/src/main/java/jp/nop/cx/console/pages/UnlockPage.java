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
 * Art. 4.3: the owner's way out of a whole-ID lock. The mailed link ({@code /unlock?token=}) only
 * shows a button: mail scanners and link previews open links, so the single-use token is spent by
 * the person's POST alone, and goes back to the API in the form body.
 */
@Controller
class UnlockPage {

	private final Api api;

	UnlockPage(Api api) {
		this.api = api;
	}

	@GetMapping("/unlock")
	String form(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "public/unlock";
	}

	@PostMapping("/unlock")
	String unlock(@RequestParam(defaultValue = "") String token, Model model, RedirectAttributes redirect) {
		ApiResponse unlocked = this.api.anonymous(HttpMethod.POST, "/api/v1/auth/unlock",
				this.api.object().put("token", token));
		if (!unlocked.ok()) {
			model.addAttribute("token", token);
			model.addAttribute("refused", true);
			return Flash.refused(model, unlocked, "public/unlock");
		}
		return Flash.done(redirect, "unlock.done", "/signin");
	}

}
