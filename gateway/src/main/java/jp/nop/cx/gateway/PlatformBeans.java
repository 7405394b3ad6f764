package jp.nop.cx.gateway;

import java.time.Clock;

import jp.nop.cx.platform.messaging.EventConsumers;
import jp.nop.cx.platform.messaging.InMemoryProcessedEvents;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the platform's {@code PlatformAutoConfiguration} gives a service, for a service without
 * MongoDB: that auto-configuration defines the outbox beans unconditionally, and their classes
 * need Spring Data MongoDB, so {@code application.yml} excludes it and the gateway declares the
 * two beans it uses here. The platform's defaults ({@code PlatformDefaults}) still apply.
 */
@Configuration(proxyBeanMethods = false)
class PlatformBeans {

	/** UTC system clock; tests replace it to control time rules. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Idempotent consumers with in-memory duplicate detection: the gateway's handlers only
	 * overwrite in-memory state, and every instance reads every topic from the beginning anyway.
	 */
	@Bean
	EventConsumers eventConsumers(ObjectMapper objectMapper) {
		return new EventConsumers(objectMapper, new InMemoryProcessedEvents());
	}
}
