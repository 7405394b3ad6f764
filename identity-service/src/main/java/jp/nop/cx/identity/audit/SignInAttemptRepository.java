package jp.nop.cx.identity.audit;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SignInAttemptRepository extends MongoRepository<SignInAttempt, String> {
}
