package jp.nop.cx.enforcement;

import jp.nop.cx.events.EventType;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The two compacted topics this service owns, created at startup: the gateway rebuilds its view of
 * every partner's standing and of every service-status event from them, so only the latest record
 * per key must survive (the relay would otherwise let the broker create them uncompacted).
 */
@Configuration(proxyBeanMethods = false)
class CompactedTopics {

	@Bean
	NewTopic partnerStandingTopic(Properties properties) {
		return compacted(EventType.PARTNER_STANDING.topic(), properties);
	}

	@Bean
	NewTopic serviceStatusChangedTopic(Properties properties) {
		return compacted(EventType.SERVICE_STATUS_CHANGED.topic(), properties);
	}

	private static NewTopic compacted(String name, Properties properties) {
		return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).compact().build();
	}

	/**
	 * Partitions and replication factor of the compacted topics ({@code cx.enforcement.topics.*}).
	 * Production clusters want {@code replicas} 3.
	 */
	@ConfigurationProperties("cx.enforcement.topics")
	@Validated
	record Properties(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas) {
	}
}
