package jp.nop.cx.registration.partner;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PartnerRepository extends MongoRepository<Partner, String> {

	Optional<Partner> findByPartnerId(String partnerId);

	Optional<Partner> findByTransfersTransferId(String transferId);

	boolean existsByRegisteredCorporateNumber(String corporateNumber);
}
