package jp.nop.cx.console.pages;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.console.api.Api;
import jp.nop.cx.console.api.ApiResponse;
import jp.nop.cx.console.session.ConsoleSession;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in with the API's own rules: 401 for a wrong password or unknown ID alike, 423 with
 * Retry-After while an ID is locked, and a second step where the ID has TOTP enrolled.
 */
@Controller
class SignInPage {

	private final Api api;

	private final ConsoleSession session;

	SignInPage(Api api, ConsoleSession session) {
		this.api = api;
		this.session = session;
	}

	@GetMapping("/signin")
	String form() {
		return "public/signin";
	}

	@PostMapping("/signin")
	String signIn(@RequestParam String loginId, @RequestParam String password, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		ApiResponse answer = this.api.anonymous(HttpMethod.POST, "/api/v1/auth/token",
				this.api.object().put("loginId", loginId).put("password", password));
		model.addAttribute("loginId", loginId);
		if (answer.status() == 401 && answer.json().path("type").asString("").endsWith("mfa-required")) {
			this.session.awaitSecondFactor(loginId, answer.json().path("challenge").asString());
			return "public/signin-mfa";
		}
		if (!answer.ok()) {
			return Flash.refused(model, answer, "public/signin");
		}
		return start(answer, loginId, request, model, redirect, "public/signin");
	}

	@PostMapping("/signin/mfa")
	String secondFactor(@RequestParam String code, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		String challenge = this.session.getMfaChallenge();
		String loginId = this.session.getMfaLoginId();
		if (challenge == null) {
			return "redirect:/signin";
		}
		ApiResponse answer = this.api.anonymous(HttpMethod.POST, "/api/v1/auth/token/mfa",
				this.api.object().put("challenge", challenge).put("code", code.trim()));
		model.addAttribute("loginId", loginId);
		if (!answer.ok()) {
			return Flash.refused(model, answer, "public/signin-mfa");
		}
		return start(answer, loginId, request, model, redirect, "public/signin-mfa");
	}

	/** A new session ID on sign-in (no fixation); who the ID is comes from the API, not the token. */
	private String start(ApiResponse tokens, String loginId, HttpServletRequest request, Model model,
			RedirectAttributes redirect, String view) {
		request.changeSessionId();
		this.session.signedIn(loginId, null, List.of(), tokens.json().path("accessToken").asString(),
				tokens.json().path("refreshToken").asString(), this.api.expiryOf(tokens));
		ApiResponse me = this.api.get("/api/v1/identity/me");
		if (!me.ok()) {
			this.session.clear();
			return Flash.refused(model, me, view);
		}
		List<String> roles = new ArrayList<>();
		for (JsonNode role : me.json().path("roles")) {
			roles.add(role.asString());
		}
		String partnerId = me.json().path("partnerId").isString() ? me.json().path("partnerId").asString() : null;
		this.session.signedIn(me.json().path("loginId").asString(loginId), partnerId, roles,
				this.session.getAccessToken(), this.session.getRefreshToken(), this.session.getAccessExpiresAt());
		// An operator without a second factor where one is required: the token is good for enrolling only.
		if ("mfa-enrolment".equals(tokens.json().path("restrictedTo").asString(""))) {
			return Flash.done(redirect, "mfa.enrolmentRequired", "/account");
		}
		return this.session.isOperator() ? "redirect:/operator" : "redirect:/partner";
	}

	/** Signing out ends the server session; the tokens it held are forgotten with it. */
	@PostMapping("/signout")
	String signOut(HttpServletRequest request) {
		this.session.clear();
		request.getSession().invalidate();
		return "redirect:/signin?signedout";
	}

}
