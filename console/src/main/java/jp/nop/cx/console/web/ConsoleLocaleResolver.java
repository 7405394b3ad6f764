package jp.nop.cx.console.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Japanese by default (the terms are Japanese), English on request: the language switch sets a
 * cookie; without one, the browser's {@code Accept-Language} decides between the two.
 */
class ConsoleLocaleResolver implements LocaleResolver {

	static final String COOKIE = "cx-lang";

	private static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Object chosen = request.getAttribute(COOKIE);
		if (chosen instanceof Locale locale) {
			return locale;
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return supported(cookie.getValue());
				}
			}
		}
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				if (best != null) {
					return best;
				}
			}
			catch (IllegalArgumentException ignored) {
				// a malformed header is no choice at all
			}
		}
		return Locale.JAPANESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = supported((locale != null) ? locale.getLanguage() : "ja");
		request.setAttribute(COOKIE, chosen);
		Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	private static Locale supported(String language) {
		return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.JAPANESE;
	}

}
