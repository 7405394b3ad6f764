package jp.nop.cx.enforcement.audit;

import java.util.List;
import java.util.function.Consumer;

import jp.nop.cx.events.AuditRecorded;
import jp.nop.cx.platform.messaging.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** {@code audit-recorded} from the gateway and identity-service becomes an entry of the trail. */
@Configuration(proxyBeanMethods = false)
class AuditConsumers {

	@Bean
	Consumer<Message<byte[]>> onAuditRecorded(EventConsumers consumers, AuditTrail trail) {
		return consumers.idempotent("onAuditRecorded", AuditRecorded.class, (event) -> {
			AuditRecorded e = event.payload();
			List<AuditEntry.Target> targets = (e.targets() != null)
					? e.targets().stream().map((t) -> new AuditEntry.Target(t.name(), t.value())).toList() : List.of();
			trail.append(new AuditEntry.Recorded(event.id(), event.source(), e.loginId(), e.partnerId(), e.roles(),
					e.action(), targets, e.status(), e.outcome(), e.clientIp(), e.userAgent(), e.traceId(),
					e.occurredAt()));
		});
	}
}
