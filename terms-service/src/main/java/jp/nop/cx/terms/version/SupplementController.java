package jp.nop.cx.terms.version;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.terms.version.TermsViews.SupplementItem;
import jp.nop.cx.terms.version.TermsViews.SupplementView;
import jp.nop.cx.platform.validation.SingleLine;
import jp.nop.cx.platform.validation.MultiLine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplementary terms (Art. 1.2): rules NOP sets for one capability of the service, versioned
 * per scope and immutable once published like the terms themselves.
 */
@RestController
@RequestMapping("/api/v1/terms/supplements")
class SupplementController {

	private final TermsCatalog catalog;

	SupplementController(TermsCatalog catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "Publish supplementary terms (Art. 1.2) / 個別規約を公開する",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping
	ResponseEntity<SupplementView> publish(@Valid @RequestBody PublishSupplementRequest request,
			CxPrincipal principal) {
		principal.requireOperator();
		TermsVersion published = this.catalog.publish(request.draft(), principal.loginId());
		SupplementScope scope = SupplementScope.parse(published.scope());
		VersionStatus status = this.catalog.supplementTimeline(scope)
			.statusAt(published.summary(), this.catalog.now());
		return ResponseEntity
			.created(URI.create("/api/v1/terms/supplements/" + scope + "/versions/" + published.version()))
			.body(SupplementView.of(published, status));
	}

	/** The published supplements of one scope, or of all; which version of each is in force. */
	@Operation(summary = "Published supplementary terms / 個別規約の一覧")
	@GetMapping
	Supplements list(@RequestParam(required = false) String scope) {
		Instant now = this.catalog.now();
		SupplementScope parsed = (scope != null) ? SupplementScope.parse(scope) : null;
		Map<String, Timeline> timelines = (parsed != null)
				? Map.of(parsed.name(), this.catalog.supplementTimeline(parsed))
				: this.catalog.supplementTimelines();
		Map<String, String> current = new LinkedHashMap<>();
		Map<String, List<String>> scheduled = new LinkedHashMap<>();
		List<SupplementItem> items = new ArrayList<>();
		timelines.forEach((name, timeline) -> {
			timeline.inForceAt(now).ifPresent((v) -> current.put(name, v.version()));
			List<String> later = timeline.scheduledAt(now).stream().map(VersionSummary::version).toList();
			if (!later.isEmpty()) {
				scheduled.put(name, later);
			}
			timeline.newestFirst().forEach((v) -> items.add(SupplementItem.of(v, timeline.statusAt(v, now))));
		});
		return new Supplements(now, (parsed != null) ? parsed.name() : null, current, scheduled, items);
	}

	@Operation(summary = "One version of supplementary terms / 個別規約の版")
	@GetMapping("/{scope}/versions/{version}")
	SupplementView version(@PathVariable String scope, @PathVariable String version) {
		SupplementScope parsed = SupplementScope.parse(scope);
		TermsVersion found = this.catalog.supplement(parsed, version)
			.orElseThrow(() -> RuleViolation.notFound("supplement", parsed.name(),
					version));
		return SupplementView.of(found,
				this.catalog.supplementTimeline(parsed).statusAt(found.summary(), this.catalog.now()));
	}

	record Supplements(Instant at, String scope, Map<String, String> current, Map<String, List<String>> scheduled,
			List<SupplementItem> items) {
	}

	record PublishSupplementRequest(@NotBlank @SingleLine String scope,
			@NotBlank @Pattern(regexp = TermsVersion.VERSION_PATTERN) String version,
			@NotNull OffsetDateTime effectiveFrom, @NotBlank @Size(max = 200) @SingleLine String title, @NotBlank @MultiLine String body,
			@NotBlank @Size(max = 4000) @MultiLine String changeSummary, @Pattern(regexp = "ja|en") String language) {

		TermsDraft draft() {
			return new TermsDraft(SupplementScope.parse(this.scope), this.version, this.effectiveFrom.toInstant(),
					this.title, this.body, this.changeSummary, this.language);
		}
	}
}
