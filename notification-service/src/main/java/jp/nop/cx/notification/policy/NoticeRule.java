package jp.nop.cx.notification.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.ResumptionDecided;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;

import static jp.nop.cx.notification.policy.Audience.ALL_ACTIVE_PARTNERS;
import static jp.nop.cx.notification.policy.Audience.APPLICANT;
import static jp.nop.cx.notification.policy.Audience.CREDENTIAL_HOLDER;
import static jp.nop.cx.notification.policy.Audience.NONE;
import static jp.nop.cx.notification.policy.Audience.OPERATOR;
import static jp.nop.cx.notification.policy.Audience.PARTNER_CONTACT;
import static jp.nop.cx.notification.policy.Audience.TRANSFEREE;
import static jp.nop.cx.notification.policy.Audience.TRANSFEROR;
import static jp.nop.cx.notification.policy.Channel.EMAIL;
import static jp.nop.cx.notification.policy.Channel.INBOX;
import static jp.nop.cx.notification.policy.Channel.WEBHOOK;

/**
 * The policy table: for each event of SPEC section 4, under which condition who is notified,
 * through which channels, with which template, and the article the notice serves. Rows with
 * audience {@link Audience#NONE} are deliberate silences and say why. Nothing else in the service
 * decides whether a notice is sent.
 */
public enum NoticeRule {

	// Art. 3: the applicant learns that the application arrived (it is not a partner yet).
	APPLICATION_RECEIVED(EventType.REGISTRATION_SUBMITTED, Condition.always(), APPLICANT, EnumSet.of(EMAIL),
			"registration-received", "Art. 3", "Receipt of the application."),

	// Art. 2.1: NOP declined; the applicant learns it and why.
	APPLICATION_REJECTED(EventType.REGISTRATION_REJECTED, Condition.always(), APPLICANT, EnumSet.of(EMAIL),
			"registration-rejected", "Art. 2.1", "The application was not approved."),

	// Art. 2.1: the applicant is now a partner. No webhook can be registered yet.
	PARTNER_APPROVED(EventType.PARTNER_APPROVED, Condition.always(), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX),
			"partner-approved", "Art. 2.1", "Approval; the administrator ID follows in its own mail."),

	PARTNER_UPDATED(EventType.PARTNER_UPDATED, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 3", "No notice: the partner changed its own registration info; the projection follows it."),

	// Art. 4.1: the administrator (or member) ID and its single-use activation link; never a password.
	// Mail only: the link is a secret, and the inbox and webhook are read by the partner's other IDs and systems.
	ACTIVATION(EventType.CREDENTIAL_ISSUED, Condition.always(), CREDENTIAL_HOLDER, EnumSet.of(EMAIL),
			"credential-issued", "Art. 4.1", "Login ID and activation link, with the link's expiry."),

	// Art. 4.3, 7.1(10): failed sign-ins from everywhere locked the ID; its holder gets the link that
	// lifts the lock. Mail only, to the holder: the link is a secret, as the activation link is.
	UNLOCK(EventType.CREDENTIAL_LOCKED, Condition.always(), CREDENTIAL_HOLDER, EnumSet.of(EMAIL), "credential-locked",
			"Art. 4.3", "The ID is locked after many failed sign-ins; the single-use unlock link and the lock's end."),

	// Art. 4.3: the operator is alerted at once ...
	COMPROMISE_ALERT(EventType.CREDENTIAL_COMPROMISED, Condition.always(), OPERATOR, EnumSet.of(EMAIL),
			"credential-compromised-alert", "Art. 4.3", "Operator alert: IDs reported lost, stolen or misused."),

	// ... and the partner gets a confirmation that its report was received and the IDs stopped.
	COMPROMISE_CONFIRMATION(EventType.CREDENTIAL_COMPROMISED, Condition.always(), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX), "credential-compromised-confirmation", "Art. 4.3",
			"Confirmation of the report to the partner."),

	CREDENTIAL_REVOKED(EventType.CREDENTIAL_REVOKED, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 4.3, 12, 17", "No notice: a revocation follows an incident, a transfer or a termination, each notified itself."),

	// Art. 4.5: a dormant (or removed) ID was deleted; the partner has no objection to make, but should know.
	CREDENTIAL_DELETED(EventType.CREDENTIAL_DELETED, Condition.always(), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX),
			"credential-deleted", "Art. 4.5", "The deleted login ID and why."),

	// Art. 16.2: NOP notifies every partner of a change of the terms.
	TERMS_CHANGED(EventType.TERMS_CHANGED, Condition.of("base terms, version other than the seed \"1\"",
			TermsChanged.class, (e) -> !isSupplement(e) && !NoticeRule.SEED_TERMS_VERSION.equals(e.version())),
			ALL_ACTIVE_PARTNERS, EnumSet.of(EMAIL, INBOX, WEBHOOK), "terms-changed", "Art. 16.2",
			"Version, effective time (JST), summary and link."),

	// Art. 1.2, 16.2: supplementary terms form part of the terms, so their changes are notified too.
	SUPPLEMENT_CHANGED(EventType.TERMS_CHANGED, Condition.of("kind SUPPLEMENT", TermsChanged.class,
			NoticeRule::isSupplement), ALL_ACTIVE_PARTNERS, EnumSet.of(EMAIL, INBOX, WEBHOOK), "terms-supplement",
			"Art. 1.2, 16.2", "Supplement, its scope, effective time (JST), summary and link."),

	SEED_TERMS(EventType.TERMS_CHANGED, Condition.of("base terms version \"1\"", TermsChanged.class,
			(e) -> !isSupplement(e) && NoticeRule.SEED_TERMS_VERSION.equals(e.version())), NONE, EnumSet.noneOf(Channel.class),
			null, "Art. 16.2", "No notice: the seed terms terms-service publishes at first start are no change."),

	TERMS_ACCEPTED(EventType.TERMS_ACCEPTED, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 2.2, 16.3", "No notice: the partner's own act, recorded by terms-service."),

	// Art. 7.2(1): a warning.
	WARNING(EventType.PARTNER_WARNED, Condition.always(), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX, WEBHOOK),
			"partner-warned", "Art. 7.2(1)", "The category and the operator's note."),

	// Art. 7.2(2): suspension of all or part of the service, with its scope (no prior warning needed).
	SUSPENSION(EventType.PARTNER_SUSPENDED, Condition.always(), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX, WEBHOOK),
			"partner-suspended", "Art. 7.2(2), 7.3", "Scope (all, or the capabilities) and note; lasts until lifted."),

	// Art. 7.2(3): another measure NOP deems appropriate, here a lower rate limit.
	THROTTLE(EventType.PARTNER_THROTTLED, Condition.always(), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX, WEBHOOK),
			"partner-throttled", "Art. 7.2(3)", "The new rate limit and note."),

	// Art. 7.5: the measures were lifted and the service resumes.
	REINSTATEMENT(EventType.PARTNER_REINSTATED, Condition.always(), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX, WEBHOOK), "partner-reinstated", "Art. 7.5", "The measures lifted and the note."),

	// Art. 7.5: a partner proposes when to resume; NOP's operators are alerted to answer it ...
	RESUMPTION_PROPOSAL_ALERT(EventType.RESUMPTION_PROPOSED, Condition.always(), OPERATOR, EnumSet.of(EMAIL),
			"resumption-proposed-alert", "Art. 7.5", "Operator alert: the partner's statement and proposed time."),

	// ... and the partner hears NOP's answer: agreed (the measures lift at that time) ...
	RESUMPTION_AGREED(EventType.RESUMPTION_DECIDED, Condition.of("outcome AGREED", ResumptionDecided.class,
			(e) -> "AGREED".equals(e.outcome())), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX), "resumption-agreed",
			"Art. 7.5", "NOP agreed: the measures lift at the proposed time (JST)."),

	// ... or declined with a reason (Art. 7.5 last sentence: NOP may then decide the time itself).
	RESUMPTION_REFUSED(EventType.RESUMPTION_DECIDED, Condition.of("outcome REFUSED", ResumptionDecided.class,
			(e) -> "REFUSED".equals(e.outcome())), PARTNER_CONTACT, EnumSet.of(EMAIL, INBOX), "resumption-refused",
			"Art. 7.5", "NOP declined the proposal, with the reason; the measures stay."),

	PARTNER_STANDING(EventType.PARTNER_STANDING, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 7.2", "No notice: derived state; the measure that changed it was notified itself."),

	EXCESSIVE_LOAD(EventType.EXCESSIVE_LOAD_DETECTED, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 7.1(3)", "No notice: it opens a case for an operator; a measure, if one follows, is notified."),

	// Art. 9.2: NOP notifies the scope and the time of a discontinuation ...
	DISCONTINUATION(EventType.SERVICE_STATUS_CHANGED, Condition.of("kind DISCONTINUATION, not urgent, state not ENDED",
			ServiceStatusChanged.class, (e) -> isKind(e, "DISCONTINUATION") && !e.urgent() && !"ENDED".equals(e.state())),
			ALL_ACTIVE_PARTNERS, EnumSet.of(EMAIL, INBOX, WEBHOOK), "service-discontinuation", "Art. 9.2",
			"Scope and timing of the discontinuation."),

	// ... unless it is urgent (Art. 9.2 proviso).
	URGENT_DISCONTINUATION(EventType.SERVICE_STATUS_CHANGED, Condition.of("kind DISCONTINUATION, urgent",
			ServiceStatusChanged.class, (e) -> isKind(e, "DISCONTINUATION") && e.urgent()), NONE,
			EnumSet.noneOf(Channel.class), null, "Art. 9.2 proviso", "No notice: urgent."),

	DISCONTINUATION_ENDED(EventType.SERVICE_STATUS_CHANGED, Condition.of("kind DISCONTINUATION, state ENDED",
			ServiceStatusChanged.class, (e) -> isKind(e, "DISCONTINUATION") && !e.urgent() && "ENDED".equals(e.state())),
			NONE, EnumSet.noneOf(Channel.class), null, "Art. 9.2",
			"No notice: the scope and timing were notified when it was declared."),

	// Art. 8.2: NOP gives no notice of an interruption.
	INTERRUPTION(EventType.SERVICE_STATUS_CHANGED, Condition.of("kind INTERRUPTION", ServiceStatusChanged.class,
			(e) -> isKind(e, "INTERRUPTION")), NONE, EnumSet.noneOf(Channel.class), null, "Art. 8.2",
			"No notice (Art. 8.2)."),

	// Art. 10.2: NOP gives no notice beforehand of a stop for version-ups or maintenance.
	MAINTENANCE(EventType.SERVICE_STATUS_CHANGED, Condition.of("kind MAINTENANCE", ServiceStatusChanged.class,
			(e) -> isKind(e, "MAINTENANCE")), NONE, EnumSet.noneOf(Channel.class), null, "Art. 10.2",
			"No notice (Art. 10.2)."),

	// Art. 11.3: a restriction in the public interest requires none.
	RESTRICTION(EventType.SERVICE_STATUS_CHANGED, Condition.of("kind RESTRICTION", ServiceStatusChanged.class,
			(e) -> isKind(e, "RESTRICTION")), NONE, EnumSet.noneOf(Channel.class), null, "Art. 11.3",
			"No notice required (Art. 11.3)."),

	// Art. 12.1: the partner gave notice of termination; it gets a confirmation with the date.
	TERMINATION_CONFIRMATION(EventType.PARTNER_TERMINATION_SCHEDULED, Condition.of("initiatedBy PARTNER, not withdrawn",
			PartnerTerminationScheduled.class, (e) -> !e.withdrawn() && byPartner(e)), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX, WEBHOOK), "termination-confirmed", "Art. 12.1",
			"Confirmation of the partner's notice and the effective date."),

	// Art. 12.2: NOP ends the service for the partner only with prior notice.
	TERMINATION_NOTICE(EventType.PARTNER_TERMINATION_SCHEDULED, Condition.of("initiatedBy OPERATOR, not withdrawn",
			PartnerTerminationScheduled.class, (e) -> !e.withdrawn() && !byPartner(e)), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX, WEBHOOK), "termination-notice", "Art. 12.2",
			"Prior notice of termination by NOP: the effective date and reason."),

	TERMINATION_WITHDRAWN(EventType.PARTNER_TERMINATION_SCHEDULED, Condition.of("withdrawn",
			PartnerTerminationScheduled.class, PartnerTerminationScheduled::withdrawn), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX, WEBHOOK), "termination-withdrawn", "Art. 12",
			"Confirmation that the scheduled termination was withdrawn."),

	// Art. 12: the partnership ended. No inbox: the partner's IDs stop working with it.
	TERMINATED(EventType.PARTNER_TERMINATED, Condition.always(), PARTNER_CONTACT, EnumSet.of(EMAIL, WEBHOOK),
			"partner-terminated", "Art. 12", "The partnership ended on its effective date."),

	// Art. 17: both sides of a transfer of status learn that NOP consented and it took effect.
	TRANSFER_TRANSFEROR(EventType.PARTNER_TRANSFERRED, Condition.always(), TRANSFEROR, EnumSet.of(EMAIL),
			"partner-transferred-transferor", "Art. 17", "To the previous contact: the status passed on."),

	TRANSFER_TRANSFEREE(EventType.PARTNER_TRANSFERRED, Condition.always(), TRANSFEREE, EnumSet.of(EMAIL, INBOX),
			"partner-transferred-transferee", "Art. 17", "To the new contact: the status is now theirs."),

	// Art. 17: the partner's request for consent is on record; nothing moves until NOP consents ...
	TRANSFER_REQUESTED(EventType.PARTNER_TRANSFER_REQUESTED, Condition.always(), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX), "partner-transfer-requested", "Art. 17",
			"Receipt of the request: the transferee, and that nothing moves before NOP's consent."),

	// ... and if NOP does not consent, the partner learns it and why.
	TRANSFER_REFUSED(EventType.PARTNER_TRANSFER_REFUSED, Condition.always(), PARTNER_CONTACT,
			EnumSet.of(EMAIL, INBOX), "partner-transfer-refused", "Art. 17",
			"NOP did not consent: the transferee and NOP's reason; the partner stays as it is."),

	PARTNER_ACTIVITY(EventType.PARTNER_ACTIVITY, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 2.2, 4.5", "No notice: usage records for deemed acceptance and dormant IDs."),

	AUDIT_RECORDED(EventType.AUDIT_RECORDED, Condition.always(), NONE, EnumSet.noneOf(Channel.class), null,
			"Art. 4.2, 7.2", "No notice: the audit trail, kept by enforcement-service.");

	/** SPEC: terms-service publishes the seed terms as version "1" at its first start. */
	static final String SEED_TERMS_VERSION = "1";

	private final EventType eventType;

	private final Condition<?> condition;

	private final Audience audience;

	private final Set<Channel> channels;

	private final String template;

	private final String article;

	private final String purpose;

	NoticeRule(EventType eventType, Condition<?> condition, Audience audience, Set<Channel> channels, String template,
			String article, String purpose) {
		this.eventType = eventType;
		this.condition = condition;
		this.audience = audience;
		this.channels = Collections.unmodifiableSet(channels);
		this.template = template;
		this.article = article;
		this.purpose = purpose;
	}

	/** The rows whose condition holds for {@code payload}: notices and silences alike. */
	public static List<NoticeRule> matching(EventType type, CxEvent payload) {
		return Arrays.stream(values()).filter((r) -> r.eventType == type && r.condition.test(payload)).toList();
	}

	/** The notices {@code payload} calls for (empty when the table says silence). */
	public static List<NoticeRule> noticesFor(EventType type, CxEvent payload) {
		return matching(type, payload).stream().filter(NoticeRule::notifies).toList();
	}

	public boolean notifies() {
		return this.audience != NONE;
	}

	public EventType eventType() {
		return this.eventType;
	}

	public String condition() {
		return this.condition.description();
	}

	public Audience audience() {
		return this.audience;
	}

	public Set<Channel> channels() {
		return this.channels;
	}

	public String template() {
		return this.template;
	}

	public String article() {
		return this.article;
	}

	public String purpose() {
		return this.purpose;
	}

	private static boolean isSupplement(TermsChanged event) {
		return "SUPPLEMENT".equalsIgnoreCase(event.kind()) || (event.scope() != null && !event.scope().isBlank());
	}

	private static boolean isKind(ServiceStatusChanged event, String kind) {
		return kind.equalsIgnoreCase(event.kind());
	}

	private static boolean byPartner(PartnerTerminationScheduled event) {
		return "PARTNER".equalsIgnoreCase(event.initiatedBy());
	}

	/** When a row applies, in words (for the table) and as a test of the payload. */
	record Condition<T extends CxEvent>(String description, Class<T> type, Predicate<T> test) {

		static Condition<CxEvent> always() {
			return new Condition<>("always", CxEvent.class, (e) -> true);
		}

		static <T extends CxEvent> Condition<T> of(String description, Class<T> type, Predicate<T> test) {
			return new Condition<>(description, type, test);
		}

		boolean test(CxEvent payload) {
			return this.type.isInstance(payload) && this.test.test(this.type.cast(payload));
		}
	}
}
