package jp.nop.cx.identity.member;

import java.util.List;
import java.util.UUID;

import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.CredentialService;
import jp.nop.cx.identity.credential.CredentialStatus;
import jp.nop.cx.identity.credential.LoginIds;
import jp.nop.cx.identity.credential.NewCredential;
import jp.nop.cx.identity.credential.RevocationReason;
import jp.nop.cx.identity.credential.Role;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;

import org.springframework.stereotype.Service;

/**
 * Art. 4.2: a partner's administrator manages the further IDs of its own company. Everything is
 * scoped to the caller's {@code partner_id}: another company's IDs are "not found".
 */
@Service
class MemberService {

	private final CredentialService credentials;

	private final CredentialRepository repository;

	MemberService(CredentialService credentials, CredentialRepository repository) {
		this.credentials = credentials;
		this.repository = repository;
	}

	Credential create(CxPrincipal admin, String email, String name, String preferredLanguage) {
		String partnerId = requireAdmin(admin);
		String language = (preferredLanguage != null) ? preferredLanguage
				: this.repository.findById(admin.loginId()).map(Credential::preferredLanguage).orElse("ja");
		return this.credentials
			.issue(NewCredential.member(partnerId, email, name, language, UUID.randomUUID().toString()));
	}

	/** The company's IDs that still exist, administrator included. */
	List<Credential> list(CxPrincipal admin) {
		return this.repository.findByPartnerIdAndStatusNotOrderByCreatedAtAsc(requireAdmin(admin),
				CredentialStatus.DELETED);
	}

	void delete(CxPrincipal admin, String loginId) {
		String partnerId = requireAdmin(admin);
		String target = LoginIds.normalize(loginId);
		Credential credential = this.repository.findById(target)
			.filter((c) -> c.belongsTo(partnerId) && !c.isDeleted())
			.orElseThrow(() -> RuleViolation.notFound("credential"));
		if (target.equals(admin.loginId())) {
			throw RuleViolation.unprocessable("member-self-deletion");
		}
		if (credential.role() != Role.PARTNER_MEMBER) {
			throw RuleViolation.unprocessable("not-a-member");
		}
		this.credentials.delete(credential, RevocationReason.REMOVED_BY_ADMIN);
	}

	private static String requireAdmin(CxPrincipal principal) {
		principal.requirePartnerAdmin();
		return principal.requirePartnerId();
	}
}
