package jp.nop.cx.terms.version;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.terms.version.TermsViews.TermsView;
import jp.nop.cx.terms.version.TermsViews.VersionItem;
import jp.nop.cx.terms.version.TermsViews.Versions;
import jp.nop.cx.platform.validation.SingleLine;
import jp.nop.cx.platform.validation.MultiLine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The terms (Art. 16): publishing versions (operators) and reading them (anyone). */
@RestController
@RequestMapping("/api/v1/terms")
class TermsController {

	private final TermsCatalog catalog;

	TermsController(TermsCatalog catalog) {
		this.catalog = catalog;
	}

	/** Art. 16.1: a new version, in force from its effectiveFrom (now or later). */
	@Operation(summary = "Publish a new version of the terms (Art. 16.1) / 規約の新版を公開する",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping("/versions")
	ResponseEntity<TermsView> publish(@Valid @RequestBody PublishVersionRequest request, CxPrincipal principal) {
		principal.requireOperator();
		TermsVersion published = this.catalog.publish(request.draft(), principal.loginId());
		VersionStatus status = this.catalog.baseTimeline().statusAt(published.summary(), this.catalog.now());
		return ResponseEntity.created(URI.create("/api/v1/terms/versions/" + published.version()))
			.body(TermsView.of(published, status));
	}

	/** The version in force now; its SHA-256 doubles as ETag. */
	@Operation(summary = "The terms in force now (ETag = SHA-256) / 現在の規約", responses = {
			@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true),
			@ApiResponse(responseCode = "404", description = "`no-terms-in-force`: no version is in force yet.") })
	@GetMapping("/current")
	ResponseEntity<TermsView> current() {
		TermsVersion current = this.catalog.baseInForceAt(this.catalog.now())
			.orElseThrow(() -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, "no-terms-in-force"));
		return ResponseEntity.ok()
			.eTag("\"" + current.sha256() + "\"")
			.body(TermsView.of(current, VersionStatus.CURRENT));
	}

	@Operation(summary = "Every version of the terms / 規約の全版")
	@GetMapping("/versions")
	Versions versions() {
		Instant now = this.catalog.now();
		Timeline timeline = this.catalog.baseTimeline();
		List<VersionItem> items = timeline.newestFirst()
			.stream()
			.map((v) -> VersionItem.of(v, timeline.statusAt(v, now)))
			.toList();
		return new Versions(now, timeline.inForceAt(now).map(VersionSummary::version).orElse(null),
				timeline.scheduledAt(now).stream().map(VersionSummary::version).toList(), items);
	}

	@Operation(summary = "One version of the terms / 規約の版")
	@GetMapping("/versions/{version}")
	TermsView version(@PathVariable String version) {
		TermsVersion found = this.catalog.base(version).orElseThrow(() -> TermsCatalog.versionNotFound(version));
		return TermsView.of(found, this.catalog.baseTimeline().statusAt(found.summary(), this.catalog.now()));
	}

	/**
	 * Art. 16.2: what a version changed, against {@code from} (default: the version before it), as
	 * JSON, or as the plain unified diff when the client asks for {@code text/plain}.
	 */
	@Operation(summary = "What a version changed, JSON or unified diff (Art. 16.2) / 版の差分")
	@GetMapping(path = "/versions/{version}/diff", produces = { MediaType.APPLICATION_JSON_VALUE,
			MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<?> diff(@PathVariable String version, @RequestParam(required = false) String from,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		TermsDiff diff = this.catalog.diff(version, from);
		if (prefersPlainText(accept)) {
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(diff.unified());
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(diff);
	}

	/** Plain text only when the client names it before (or without) JSON; JSON otherwise. */
	static boolean prefersPlainText(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		MimeTypeUtils.sortBySpecificity(accepted);
		for (MediaType type : accepted) {
			if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
			if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
				return true;
			}
		}
		return false;
	}

	record PublishVersionRequest(@NotBlank @Pattern(regexp = TermsVersion.VERSION_PATTERN) String version,
			@NotNull OffsetDateTime effectiveFrom, @NotBlank @Size(max = 200) @SingleLine String title, @NotBlank @MultiLine String body,
			@NotBlank @Size(max = 4000) @MultiLine String changeSummary, @Pattern(regexp = "ja|en") String language) {

		TermsDraft draft() {
			return new TermsDraft(null, this.version, this.effectiveFrom.toInstant(), this.title, this.body,
					this.changeSummary, this.language);
		}
	}
}
