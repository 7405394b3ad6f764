package jp.nop.cx.identity.credential;

import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerTerminated;
import jp.nop.cx.events.PartnerTransferred;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * What happens to a partner's IDs when the partner itself changes: approval issues the
 * administrator ID, termination deletes every ID, a transfer replaces them. Each step is
 * idempotent, so a redelivered event changes nothing more.
 */
@Service
class PartnerLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PartnerLifecycle.class);

	private static final String DEFAULT_LANGUAGE = "ja";

	private final CredentialService credentials;

	private final CredentialRepository repository;

	PartnerLifecycle(CredentialService credentials, CredentialRepository repository) {
		this.credentials = credentials;
		this.repository = repository;
	}

	/** Art. 4.1: NOP provides the administrator ID. */
	void approved(PartnerApproved event) {
		requireEmail(event.partnerId(), event.contactEmail());
		this.credentials.issue(NewCredential.administratorOnApproval(event.partnerId(), event.contactEmail(),
				event.contactName(), language(event.preferredLanguage())));
	}

	/** Art. 12: a terminated partner's IDs stop working; they are deleted. */
	void terminated(PartnerTerminated event) {
		int deleted = 0;
		for (Credential credential : this.repository.findByPartnerIdOrderByCreatedAtAsc(event.partnerId())) {
			if (this.credentials.delete(credential, RevocationReason.PARTNER_TERMINATED)) {
				deleted++;
			}
		}
		log.info("Partner {} terminated: {} IDs deleted", event.partnerId(), deleted);
	}

	/**
	 * Art. 17: the old IDs are revoked and the transferee gets a new administrator ID. The new ID
	 * is recognised by its issue key, so a redelivery neither revokes it nor issues another.
	 */
	void transferred(PartnerTransferred event) {
		requireEmail(event.partnerId(), event.contactEmail());
		NewCredential successor = NewCredential.administratorOnTransfer(event.partnerId(), event.transferId(),
				event.contactEmail(), event.contactName(), language(event.preferredLanguage()));
		for (Credential credential : this.repository.findByPartnerIdOrderByCreatedAtAsc(event.partnerId())) {
			if (!successor.issueKey().equals(credential.issueKey())) {
				this.credentials.revokeForTransfer(credential);
			}
		}
		Credential admin = this.credentials.issue(successor);
		log.info("Partner {} transferred ({}): old IDs revoked, {} issued to the transferee", event.partnerId(),
				event.transferId(), admin.loginId());
	}

	private static void requireEmail(String partnerId, String email) {
		if (partnerId == null || partnerId.isBlank() || email == null || email.isBlank()) {
			// Retried, then dead-lettered: an operator must see an approval nobody can be told of.
			throw new IllegalArgumentException("Partner " + partnerId + " has no contact e-mail to send an ID to");
		}
	}

	private static String language(String preferred) {
		return ("en".equals(preferred) || "ja".equals(preferred)) ? preferred : DEFAULT_LANGUAGE;
	}
}
