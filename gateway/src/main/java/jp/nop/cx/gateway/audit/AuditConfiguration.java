package jp.nop.cx.gateway.audit;

import java.time.Clock;

import jp.nop.cx.gateway.messaging.CloudEventPublisher;
import jp.nop.cx.gateway.problem.ProblemResponses;
import jp.nop.cx.gateway.routing.ClientAddress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditBuffer auditBuffer(CloudEventPublisher publisher, AuditProperties properties, MeterRegistry meters) {
		return new AuditBuffer(publisher, properties, meters);
	}

	@Bean
	AuditFilter auditFilter(AuditBuffer buffer, ClientAddress clientAddress, ProblemResponses problems,
			AuditProperties properties, Clock clock) {
		return new AuditFilter(buffer, clientAddress, problems, properties, clock);
	}
}
