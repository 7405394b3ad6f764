package jp.nop.cx.identity.incident;

import org.springframework.data.mongodb.repository.MongoRepository;

interface IncidentRepository extends MongoRepository<Incident, String> {
}
