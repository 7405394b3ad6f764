package jp.nop.cx.terms.acceptance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Acceptances; inserted, and extended only by conditional updates. Private to this feature. */
interface AcceptanceRepository extends MongoRepository<TermsAcceptance, String> {

	Optional<TermsAcceptance> findByPartnerIdAndVersion(String partnerId, String version);

	List<TermsAcceptance> findByPartnerIdOrderByAcceptedAtDesc(String partnerId);
}
