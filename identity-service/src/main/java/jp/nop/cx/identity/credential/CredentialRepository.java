package jp.nop.cx.identity.credential;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface CredentialRepository extends MongoRepository<Credential, String>, CredentialUsage {

	Optional<Credential> findByIssueKey(String issueKey);

	@Query("{ 'activation.tokenHash': ?0 }")
	Optional<Credential> findByActivationTokenHash(String tokenHash);

	List<Credential> findByPartnerIdOrderByCreatedAtAsc(String partnerId);

	List<Credential> findByPartnerIdAndStatusNotOrderByCreatedAtAsc(String partnerId, CredentialStatus status);

	/** Art. 4.5: partner IDs whose last activity lies before {@code cutoff}. */
	List<Credential> findByRoleInAndStatusNotAndLastActivityAtBefore(Collection<Role> roles, CredentialStatus status,
			Instant cutoff);
}
