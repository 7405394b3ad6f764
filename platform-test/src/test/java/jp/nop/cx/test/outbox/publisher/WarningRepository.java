package jp.nop.cx.test.outbox.publisher;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface WarningRepository extends MongoRepository<Warning, String> {
}
