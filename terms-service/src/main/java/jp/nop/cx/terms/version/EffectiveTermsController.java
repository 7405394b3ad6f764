package jp.nop.cx.terms.version;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.terms.version.TermsViews.SupplementView;
import jp.nop.cx.terms.version.TermsViews.TermsView;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Art. 1.2, 1.3: the terms that apply to a capability now: the terms in force and the
 * supplementary terms in force for it, which form part of the terms and prevail where they differ.
 */
@RestController
class EffectiveTermsController {

	private final TermsCatalog catalog;

	private final MessageSource messages;

	EffectiveTermsController(TermsCatalog catalog, MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	@Operation(summary = "The terms in force with the supplements that prevail (Art. 1.3) / 適用される規約")
	@GetMapping("/api/v1/terms/effective")
	EffectiveTerms effective(@RequestParam(required = false) String scope,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		SupplementScope parsed = (scope != null) ? SupplementScope.parse(scope) : null;
		Instant now = this.catalog.now();
		TermsVersion base = this.catalog.baseInForceAt(now)
			.orElseThrow(() -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, "no-terms-in-force"));
		// Art. 1.3: a supplement prevails over the terms wherever the two differ.
		List<SupplementView> supplements = this.catalog.supplementsInForceAt(parsed, now)
			.stream()
			.map((s) -> SupplementView.of(s, VersionStatus.CURRENT))
			.toList();
		Locale locale = locale(acceptLanguage);
		return new EffectiveTerms(now, (parsed != null) ? parsed.name() : null, TermsView.of(base, VersionStatus.CURRENT),
				supplements, new Precedence(this.messages.getMessage("terms.precedence.article", null, locale),
						this.messages.getMessage("terms.precedence.statement", null, locale)));
	}

	/** Japanese, the language of the terms, unless the client prefers English. */
	private static Locale locale(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.JAPANESE;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
					List.of(Locale.JAPANESE, Locale.ENGLISH));
			return (best != null) ? best : Locale.JAPANESE;
		}
		catch (IllegalArgumentException ex) {
			return Locale.JAPANESE;
		}
	}

	record EffectiveTerms(Instant at, String scope, TermsView base, List<SupplementView> supplements,
			Precedence precedence) {
	}

	/** Which text wins where the terms and a supplement differ, and where the terms say so. */
	record Precedence(String article, String statement) {
	}
}
