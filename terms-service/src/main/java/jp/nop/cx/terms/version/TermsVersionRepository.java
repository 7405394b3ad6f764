package jp.nop.cx.terms.version;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Published versions; only ever inserted (immutable, Art. 16.1). Private to this feature. */
interface TermsVersionRepository extends MongoRepository<TermsVersion, String> {
}
