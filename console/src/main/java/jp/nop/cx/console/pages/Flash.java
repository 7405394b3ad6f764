package jp.nop.cx.console.pages;

import jp.nop.cx.console.api.ApiResponse;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Post/Redirect/Get rule of every form: success redirects with a message key, a refusal
 * renders the form again with the API's problem next to its fields and the input kept.
 */
final class Flash {

	private Flash() {
	}

	static String done(RedirectAttributes redirect, String messageKey, String to) {
		redirect.addFlashAttribute("done", messageKey);
		return "redirect:" + to;
	}

	static String refused(Model model, ApiResponse response, String view) {
		model.addAttribute("problem", response.problem());
		return view;
	}

}
