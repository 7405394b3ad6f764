package jp.nop.cx.registration.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.PartnerTransferRefused;
import jp.nop.cx.events.PartnerTransferRequested;
import jp.nop.cx.events.PartnerTransferred;
import jp.nop.cx.events.PartnerUpdated;
import jp.nop.cx.events.RegistrationRejected;
import jp.nop.cx.events.RegistrationSubmitted;
import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.platform.rules.RuleViolation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner registration (パートナー登録, Art. 3) from the application to the end of the
 * partnership. The application and the partner are one document, so "approved" and "the partner
 * exists" are one write and can never be separated; every change raises its event into the same
 * write (outbox), and {@code @Version} lets exactly one of two concurrent decisions win.
 */
@Document("partners")
public class Partner extends OutboxAggregate {

	@Id
	private String id;

	@Version
	private Long version;

	private PartnerStatus status;

	/** Assigned on approval (Art. 2.1): the ID every service knows the partner by. */
	@Indexed(unique = true, sparse = true)
	private String partnerId;

	/**
	 * The corporate number while the application is open or the partnership active, absent
	 * otherwise: its unique index makes "one open application or active partner per company"
	 * hold under concurrent requests.
	 */
	@Indexed(unique = true, sparse = true)
	private String registeredCorporateNumber;

	private Company company;

	private Representative representative;

	private Contact contact;

	private Language preferredLanguage;

	private TermsAgreement agreement;

	private Instant submittedAt;

	private Decision decision;

	private Termination termination;

	private Instant terminatedAt;

	private List<Transfer> transfers = new ArrayList<>();

	/** NFKC, case-folded company name: what the operator's name search compares. */
	private String searchName;

	private Instant updatedAt;

	protected Partner() {
	}

	/**
	 * Preamble, Art. 3: an application, from an applicant who read and accepted the terms in
	 * force. Raises {@link RegistrationSubmitted}.
	 */
	public static Partner apply(String id, Company company, Representative representative, Contact contact,
			Language preferredLanguage, TermsAcceptance acceptance, String termsVersionInForce, Instant now) {
		// Preamble: the terms must be read and accepted in full before use; Art. 3: "理解し、承認した上で".
		if (!acceptance.accepted()) {
			throw RuleViolation.unprocessable("terms-not-accepted", termsVersionInForce)
				.onField("agreement.accepted")
				.with("currentTermsVersion", termsVersionInForce);
		}
		if (!termsVersionInForce.equals(acceptance.termsVersion())) {
			throw RuleViolation.unprocessable("terms-version-not-in-force", acceptance.termsVersion(),
					termsVersionInForce)
				.onField("agreement.termsVersion")
				.with("currentTermsVersion", termsVersionInForce);
		}
		Partner partner = new Partner();
		partner.id = id;
		partner.status = PartnerStatus.SUBMITTED;
		partner.company = company;
		partner.representative = representative;
		partner.contact = contact;
		partner.preferredLanguage = (preferredLanguage != null) ? preferredLanguage : Language.JA;
		partner.agreement = new TermsAgreement(acceptance.termsVersion(), now, acceptance.clientIp(),
				acceptance.userAgent());
		partner.registeredCorporateNumber = company.corporateNumber();
		partner.searchName = Nfkc.searchKey(company.name());
		partner.submittedAt = now;
		partner.updatedAt = now;
		partner.raise(new RegistrationSubmitted(id, company.name(), company.corporateNumber(), contact.name(),
				contact.email(), partner.preferredLanguage.code(), acceptance.termsVersion(), now,
				acceptance.clientIp(), acceptance.userAgent(), now));
		return partner;
	}

	/** Art. 2.1: NOP approves; the applicant becomes a partner with {@code partnerId}. */
	public void approve(String partnerId, String operator, Instant now) {
		requireUndecided();
		this.status = PartnerStatus.APPROVED;
		this.partnerId = partnerId;
		this.decision = new Decision(operator, now, null);
		this.updatedAt = now;
		raise(new PartnerApproved(partnerId, this.id, this.company.name(), this.company.corporateNumber(),
				this.contact.name(), this.contact.email(), this.preferredLanguage.code(),
				this.agreement.termsVersion(), this.agreement.acceptedAt(), operator, now));
	}

	/** Art. 2.1: NOP declines; the corporate number is free for a new application. */
	public void reject(String reason, String operator, Instant now) {
		requireUndecided();
		this.status = PartnerStatus.REJECTED;
		this.registeredCorporateNumber = null;
		this.decision = new Decision(operator, now, reason);
		this.updatedAt = now;
		raise(new RegistrationRejected(this.id, this.company.name(), this.contact.name(), this.contact.email(),
				this.preferredLanguage.code(), reason, operator, now));
	}

	/**
	 * Art. 3: the partner keeps its registration information current. The corporate number
	 * identifies the company that was approved and never changes (a new company is a transfer,
	 * Art. 17). Returns whether anything changed; only a change raises {@link PartnerUpdated}.
	 */
	public boolean updateRegistrationInfo(Company company, Representative representative, Contact contact,
			Language preferredLanguage, String actor, Instant now) {
		requireActivePartner();
		if (!this.company.corporateNumber().equals(company.corporateNumber())) {
			throw RuleViolation.unprocessable("corporate-number-immutable").onField("company.corporateNumber");
		}
		if (this.company.equals(company) && Objects.equals(this.representative, representative)
				&& this.contact.equals(contact) && this.preferredLanguage == preferredLanguage) {
			return false;
		}
		this.company = company;
		this.representative = representative;
		this.contact = contact;
		this.preferredLanguage = preferredLanguage;
		this.searchName = Nfkc.searchKey(company.name());
		this.updatedAt = now;
		raise(new PartnerUpdated(this.partnerId, company.name(), contact.name(), contact.email(),
				preferredLanguage.code(), actor, now));
		return true;
	}

	/**
	 * Art. 12.1 (the partner, by notice before NOP's deadline) and Art. 12.2 (NOP, with prior
	 * notice): the partnership ends on {@code effectiveOn}, no earlier than the notice period
	 * allows.
	 */
	public void scheduleTermination(Party by, LocalDate effectiveOn, String reason, NoticePeriod notice, String actor,
			Instant now) {
		if (this.status == PartnerStatus.TERMINATION_SCHEDULED) {
			throw RuleViolation.conflict("termination-already-scheduled", this.termination.effectiveOn())
				.with("effectiveOn", this.termination.effectiveOn().toString());
		}
		requireActivePartner();
		if (!notice.allows(effectiveOn, now)) {
			LocalDate earliest = notice.earliestEffectiveOn(now);
			throw RuleViolation.unprocessable("notice-period", notice.days(), earliest)
				.onField("effectiveOn")
				.with("earliestEffectiveOn", earliest.toString())
				.with("noticePeriodDays", notice.days());
		}
		this.termination = new Termination(effectiveOn, NoticePeriod.startOf(effectiveOn), by, reason, actor, now);
		this.status = PartnerStatus.TERMINATION_SCHEDULED;
		this.updatedAt = now;
		raise(new PartnerTerminationScheduled(this.partnerId, by.name(), effectiveOn, reason, false, now));
	}

	/**
	 * Withdraws a scheduled termination before it takes effect. Only the party that gave the
	 * notice may withdraw it: the partner cannot undo NOP's notice under Art. 12.2.
	 */
	public void withdrawTermination(Party by, String actor, Instant now) {
		if (this.status != PartnerStatus.TERMINATION_SCHEDULED) {
			throw RuleViolation.conflict("no-termination-scheduled");
		}
		if (this.termination.initiatedBy() != by) {
			throw RuleViolation.conflict("termination-by-other-party", this.termination.initiatedBy());
		}
		if (!now.isBefore(this.termination.takesEffectAt())) {
			throw RuleViolation.conflict("termination-in-effect", this.termination.effectiveOn());
		}
		Termination withdrawn = this.termination;
		this.termination = null;
		this.status = PartnerStatus.APPROVED;
		this.updatedAt = now;
		raise(new PartnerTerminationScheduled(this.partnerId, withdrawn.initiatedBy().name(),
				withdrawn.effectiveOn(), withdrawn.reason(), true, now));
	}

	/**
	 * Art. 12: ends the partnership once its effective day has begun in Tokyo. Safe to call
	 * again: returns false and changes nothing when there is nothing (more) to do.
	 */
	public boolean terminateIfDue(Instant now) {
		if (this.status != PartnerStatus.TERMINATION_SCHEDULED || now.isBefore(this.termination.takesEffectAt())) {
			return false;
		}
		this.status = PartnerStatus.TERMINATED;
		this.terminatedAt = now;
		this.registeredCorporateNumber = null;
		this.updatedAt = now;
		this.transfers.replaceAll((t) -> (t.status() == TransferStatus.REQUESTED)
				? t.decided(TransferStatus.LAPSED, new Decision("system", now, "partnership terminated")) : t);
		raise(new PartnerTerminated(this.partnerId, this.termination.initiatedBy().name(),
				this.termination.effectiveOn(), now));
		return true;
	}

	/**
	 * Art. 17: the partner asks NOP's consent to transfer its status to {@code transferee}.
	 * Nothing moves until NOP consents. One request at a time.
	 */
	public Transfer requestTransfer(String transferId, Transferee transferee, String reason, String actor,
			Instant now) {
		requireTransferable();
		if (pendingTransfer().isPresent()) {
			throw RuleViolation.conflict("transfer-pending", pendingTransfer().get().transferId())
				.with("transferId", pendingTransfer().get().transferId());
		}
		if (transferee.company().corporateNumber().equals(this.company.corporateNumber())) {
			throw RuleViolation.unprocessable("transferee-is-partner").onField("transferee.company.corporateNumber");
		}
		Transfer transfer = new Transfer(transferId, TransferStatus.REQUESTED, this.company, transferee, reason, actor,
				now, null);
		this.transfers.add(transfer);
		this.updatedAt = now;
		// Art. 17: the partner is told its request is on record and waits for NOP's consent.
		raise(new PartnerTransferRequested(this.partnerId, transferId, this.company.name(),
				transferee.company().name(), transferee.company().corporateNumber(), reason, actor, now));
		return transfer;
	}

	/**
	 * Art. 17: with NOP's written consent the registration becomes the transferee's. The partner
	 * ID stays; the company, representative and contact are the transferee's from now on.
	 */
	public void consentToTransfer(String transferId, String operator, Instant now) {
		Transfer transfer = requireUndecidedTransfer(transferId);
		requireTransferable();
		Transferee transferee = transfer.transferee();
		String previousCompanyName = this.company.name();
		String previousContactEmail = this.contact.email();
		this.company = transferee.company();
		this.representative = transferee.representative();
		this.contact = transferee.contact();
		this.preferredLanguage = (transferee.preferredLanguage() != null) ? transferee.preferredLanguage()
				: this.preferredLanguage;
		this.registeredCorporateNumber = transferee.company().corporateNumber();
		this.searchName = Nfkc.searchKey(this.company.name());
		this.updatedAt = now;
		replace(transfer.decided(TransferStatus.CONSENTED, new Decision(operator, now, null)));
		raise(new PartnerTransferred(this.partnerId, transferId, previousCompanyName, previousContactEmail,
				this.company.name(), this.company.corporateNumber(), this.contact.name(), this.contact.email(),
				this.preferredLanguage.code(), now));
	}

	/** Art. 17: NOP does not consent; the partner stays as it is. */
	public void refuseTransfer(String transferId, String reason, String operator, Instant now) {
		Transfer transfer = requireUndecidedTransfer(transferId);
		replace(transfer.decided(TransferStatus.REFUSED, new Decision(operator, now, reason)));
		this.updatedAt = now;
		// Art. 17: a refusal is noticed to the partner, with NOP's reason where one was given.
		raise(new PartnerTransferRefused(this.partnerId, transferId, transfer.transferee().company().name(), reason,
				operator, now));
	}

	public Optional<Transfer> transfer(String transferId) {
		return this.transfers.stream().filter((t) -> t.transferId().equals(transferId)).findFirst();
	}

	public Optional<Transfer> pendingTransfer() {
		return this.transfers.stream().filter((t) -> t.status() == TransferStatus.REQUESTED).findFirst();
	}

	private void requireUndecided() {
		if (this.status != PartnerStatus.SUBMITTED) {
			throw RuleViolation.conflict("already-decided", this.status).with("status", this.status.name());
		}
	}

	private void requireActivePartner() {
		if (!this.status.isActivePartner()) {
			throw RuleViolation.conflict("partner-not-active", this.status).with("status", this.status.name());
		}
	}

	private void requireTransferable() {
		if (this.status == PartnerStatus.TERMINATION_SCHEDULED) {
			throw RuleViolation.conflict("termination-scheduled", this.termination.effectiveOn())
				.with("effectiveOn", this.termination.effectiveOn().toString());
		}
		requireActivePartner();
	}

	private Transfer requireUndecidedTransfer(String transferId) {
		Transfer transfer = transfer(transferId)
			.orElseThrow(() -> new IllegalArgumentException("No transfer " + transferId + " on " + this.id));
		if (transfer.status() != TransferStatus.REQUESTED) {
			throw RuleViolation.conflict("transfer-already-decided", transfer.status())
				.with("status", transfer.status().name());
		}
		return transfer;
	}

	private void replace(Transfer decided) {
		this.transfers.replaceAll((t) -> t.transferId().equals(decided.transferId()) ? decided : t);
	}

	public String id() {
		return this.id;
	}

	public Long version() {
		return this.version;
	}

	public PartnerStatus status() {
		return this.status;
	}

	public String partnerId() {
		return this.partnerId;
	}

	public Company company() {
		return this.company;
	}

	public Representative representative() {
		return this.representative;
	}

	public Contact contact() {
		return this.contact;
	}

	public Language preferredLanguage() {
		return this.preferredLanguage;
	}

	public TermsAgreement agreement() {
		return this.agreement;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	public Decision decision() {
		return this.decision;
	}

	public Termination termination() {
		return this.termination;
	}

	public Instant terminatedAt() {
		return this.terminatedAt;
	}

	public List<Transfer> transfers() {
		return List.copyOf(this.transfers);
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}
}
