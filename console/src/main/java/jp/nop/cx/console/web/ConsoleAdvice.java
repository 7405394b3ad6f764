package jp.nop.cx.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.console.session.ConsoleSession;
import jp.nop.cx.console.session.SignedOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;

/** What every page knows (who is signed in) and what every page does when the platform says no. */
@ControllerAdvice
class ConsoleAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

	private final ConsoleSession session;

	ConsoleAdvice(ConsoleSession session) {
		this.session = session;
	}

	@ModelAttribute("me")
	ConsoleSession me() {
		return this.session;
	}

	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/** A revoked or expired token ends the console session at once (Art. 4.3). */
	@ExceptionHandler(SignedOut.class)
	String signedOut(SignedOut ex, HttpServletRequest request) {
		log.info("Console session ended: {}", ex.getMessage());
		this.session.clear();
		request.getSession().invalidate();
		return "redirect:/signin?ended";
	}

	@ExceptionHandler(ResourceAccessException.class)
	ModelAndView unreachable(ResourceAccessException ex, HttpServletRequest request) {
		log.warn("Gateway unreachable: {}", ex.toString());
		ModelAndView page = new ModelAndView("public/unavailable");
		// Model attributes are not applied to an exception handler's view.
		page.addObject("me", this.session);
		page.addObject("path", request.getRequestURI());
		page.setStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
		return page;
	}

}
