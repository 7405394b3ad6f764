package jp.nop.cx.notification.template;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.CredentialCompromised;
import jp.nop.cx.events.CredentialDeleted;
import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.CredentialLocked;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerReinstated;
import jp.nop.cx.events.PartnerSuspended;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.PartnerThrottled;
import jp.nop.cx.events.PartnerTransferRefused;
import jp.nop.cx.events.PartnerTransferRequested;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.events.RegistrationRejected;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.events.ResumptionDecided;
import jp.nop.cx.events.ResumptionProposed;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.platform.secret.SealedSecrets;

import org.springframework.context.MessageSource;

/**
 * The values a notice template may use, from the event and the addressee, formatted for the
 * reader: times in Japan time (SPEC section 5), codes as words of the reader's language, links
 * listed so the HTML version may make anchors of exactly these and nothing a user typed.
 */
class NoticeFacts {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm'（日本時間）'",
			Locale.JAPANESE);

	private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'JST'",
			Locale.ENGLISH);

	private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);

	private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private final MessageSource labels;

	private final String portalBase;

	private final SealedSecrets eventSecrets;

	NoticeFacts(MessageSource labels, String portalBase, SealedSecrets eventSecrets) {
		this.labels = labels;
		this.portalBase = portalBase;
		this.eventSecrets = eventSecrets;
	}

	/** The model of one notice. Absent values are explicit nulls, which templates show as nothing. */
	Model of(CxEvent payload, Addressee addressee, Language language) {
		Model model = new Model(language);
		model.put("toCompany", addressee.companyName());
		model.put("toName", addressee.contactName());
		model.put("portalUrl", this.portalBase);
		if (payload instanceof RegistrationSubmitted e) {
			model.put("applicationId", e.applicationId());
			model.put("companyName", e.companyName());
			model.put("termsVersion", e.termsVersion());
			model.put("submittedAt", time(e.submittedAt(), language));
		}
		else if (payload instanceof RegistrationRejected e) {
			model.put("applicationId", e.applicationId());
			model.put("companyName", e.companyName());
			model.put("reason", e.reason());
			model.put("rejectedAt", time(e.rejectedAt(), language));
		}
		else if (payload instanceof PartnerApproved e) {
			model.put("partnerId", e.partnerId());
			model.put("companyName", e.companyName());
			model.put("approvedAt", time(e.approvedAt(), language));
			model.put("termsVersion", e.termsVersion());
		}
		else if (payload instanceof CredentialIssued e) {
			model.put("loginId", e.loginId());
			model.put("role", label("role", e.role(), language));
			// Art. 4.1: the token is opened only here, to write the mail; it is stored nowhere.
			model.putLink("activationLink", e.activationUrl() + "?token="
					+ this.eventSecrets.open(e.sealedActivationToken(), e.loginId()));
			model.put("activationExpiresAt", time(e.activationExpiresAt(), language));
		}
		else if (payload instanceof CredentialLocked e) {
			model.put("loginId", e.loginId());
			// As for the activation link: opened only to write the mail.
			model.putLink("unlockLink",
					e.unlockUrl() + "?token=" + this.eventSecrets.open(e.sealedUnlockToken(), e.loginId()));
			model.put("lockedUntil", time(e.lockedUntil(), language));
		}
		else if (payload instanceof TermsChanged e) {
			model.put("version", e.version());
			model.put("title", e.title());
			model.put("effectiveFrom", time(e.effectiveFrom(), language));
			model.put("changeSummary", e.changeSummary());
			model.put("scope", (e.scope() != null) ? label("capability", e.scope(), language) : null);
			// Art. 16.2: the notice points at the published text of exactly this version.
			model.putLink("termsLink", this.portalBase + "/terms/versions/" + pathSegment(e.version()));
		}
		else if (payload instanceof PartnerWarned e) {
			model.put("caseId", e.caseId());
			model.put("category", label("category", e.category(), language));
			model.put("scope", scope(e.all(), e.capabilities(), language));
			model.put("note", e.note());
			model.put("issuedAt", time(e.issuedAt(), language));
		}
		else if (payload instanceof PartnerSuspended e) {
			model.put("caseId", e.caseId());
			model.put("category", label("category", e.category(), language));
			model.put("scope", scope(e.all(), e.capabilities(), language));
			model.put("note", e.note());
			model.put("suspendedAt", time(e.suspendedAt(), language));
		}
		else if (payload instanceof PartnerThrottled e) {
			model.put("caseId", e.caseId());
			model.put("category", label("category", e.category(), language));
			model.put("requestsPerSecond", e.requestsPerSecond());
			model.put("note", e.note());
			model.put("throttledAt", time(e.throttledAt(), language));
		}
		else if (payload instanceof PartnerReinstated e) {
			model.put("caseId", e.caseId());
			model.put("note", e.note());
			model.put("reinstatedAt", time(e.reinstatedAt(), language));
		}
		else if (payload instanceof ServiceStatusChanged e) {
			model.put("statusEventId", e.eventId());
			model.put("reason", label("discontinuation", e.reason(), language));
			model.put("scope", scope(e.all(), e.capabilities(), language));
			model.put("startsAt", time(e.startsAt(), language));
		}
		else if (payload instanceof PartnerTerminationScheduled e) {
			model.put("effectiveOn", date(e.effectiveOn(), language));
			model.put("reason", e.reason());
			model.put("scheduledAt", time(e.scheduledAt(), language));
		}
		else if (payload instanceof PartnerTerminated e) {
			model.put("effectiveOn", date(e.effectiveOn(), language));
			model.put("terminatedAt", time(e.terminatedAt(), language));
		}
		else if (payload instanceof CredentialCompromised e) {
			model.put("partnerId", e.partnerId());
			model.put("incidentId", e.incidentId());
			model.put("incidentType", label("incident", e.type(), language));
			model.put("loginIds", (e.loginIds() != null) ? String.join(", ", e.loginIds()) : null);
			model.put("reportedBy", e.reportedBy());
			model.put("detail", e.detail());
			model.put("reportedAt", time(e.reportedAt(), language));
		}
		else if (payload instanceof CredentialDeleted e) {
			model.put("loginId", e.loginId());
			model.put("reason", label("deletion", e.reason(), language));
			model.put("lastUsedAt", time(e.lastUsedAt(), language));
			model.put("deletedAt", time(e.deletedAt(), language));
		}
		else if (payload instanceof PartnerTransferred e) {
			model.put("partnerId", e.partnerId());
			model.put("transferId", e.transferId());
			model.put("previousCompanyName", e.previousCompanyName());
			model.put("newCompanyName", e.companyName());
			model.put("transferredAt", time(e.transferredAt(), language));
		}
		else if (payload instanceof PartnerTransferRequested e) {
			model.put("transferId", e.transferId());
			model.put("transfereeCompanyName", e.transfereeCompanyName());
			model.put("reason", e.reason());
			model.put("requestedAt", time(e.requestedAt(), language));
		}
		else if (payload instanceof PartnerTransferRefused e) {
			model.put("transferId", e.transferId());
			model.put("transfereeCompanyName", e.transfereeCompanyName());
			model.put("reason", e.reason());
			model.put("refusedAt", time(e.refusedAt(), language));
		}
		else if (payload instanceof ResumptionProposed e) {
			model.put("partnerId", e.partnerId());
			model.put("caseId", e.caseId());
			model.put("proposalId", e.proposalId());
			model.put("category", label("category", e.category(), language));
			model.put("statement", e.statement());
			model.put("proposedResumeAt", time(e.proposedResumeAt(), language));
			model.put("proposedBy", e.proposedBy());
			model.put("proposedAt", time(e.proposedAt(), language));
		}
		else if (payload instanceof ResumptionDecided e) {
			model.put("caseId", e.caseId());
			model.put("proposalId", e.proposalId());
			model.put("resumeAt", time(e.resumeAt(), language));
			model.put("reason", e.reason());
			model.put("decidedAt", time(e.decidedAt(), language));
		}
		return model;
	}

	private String scope(boolean all, List<Capability> capabilities, Language language) {
		if (all || capabilities == null || capabilities.isEmpty()) {
			return label("scope", "ALL", language);
		}
		String names = capabilities.stream()
			.map((c) -> label("capability", c.name(), language))
			.collect(Collectors.joining((language == Language.JA) ? "、" : ", "));
		return this.labels.getMessage("notice.label.scope.CAPABILITIES", new Object[] { names }, names,
				language.locale());
	}

	private String label(String kind, String code, Language language) {
		if (code == null) {
			return null;
		}
		return this.labels.getMessage("notice.label." + kind + "." + code.toUpperCase(Locale.ROOT), null, code,
				language.locale());
	}

	static String time(Instant instant, Language language) {
		if (instant == null) {
			return null;
		}
		return ((language == Language.JA) ? JA_TIME : EN_TIME).format(instant.atZone(JAPAN));
	}

	static String date(LocalDate date, Language language) {
		if (date == null) {
			return null;
		}
		return ((language == Language.JA) ? JA_DATE : EN_DATE).format(date);
	}

	/** A value as one URL path segment (percent-encoded, a space as %20). */
	private static String pathSegment(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Template values plus the links among them. */
	static final class Model extends HashMap<String, Object> {

		private final Set<String> links = new LinkedHashSet<>();

		private final Language language;

		Model(Language language) {
			this.language = language;
		}

		/** A link the HTML version turns into an anchor; only http(s) links qualify. */
		void putLink(String name, String url) {
			put(name, url);
			if (url != null && isWebLink(url)) {
				this.links.add(url);
			}
		}

		Set<String> links() {
			return this.links;
		}

		Language language() {
			return this.language;
		}

		private static boolean isWebLink(String url) {
			try {
				String scheme = URI.create(url).getScheme();
				return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
	}
}
