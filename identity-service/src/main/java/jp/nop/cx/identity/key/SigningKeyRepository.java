package jp.nop.cx.identity.key;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SigningKeyRepository extends MongoRepository<SigningKey, String> {

	List<SigningKey> findAllByOrderByGenerationDesc();
}
