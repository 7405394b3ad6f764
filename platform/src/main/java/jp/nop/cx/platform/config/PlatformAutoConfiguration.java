package jp.nop.cx.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jp.nop.cx.platform.messaging.EventConsumers;
import jp.nop.cx.platform.messaging.InMemoryProcessedEvents;
import jp.nop.cx.platform.messaging.MongoProcessedEvents;
import jp.nop.cx.platform.messaging.ProcessedEvents;
import jp.nop.cx.platform.outbox.CloudEventProducer;
import jp.nop.cx.platform.outbox.OutboxAfterSaveCallback;
import jp.nop.cx.platform.outbox.OutboxBeforeConvertCallback;
import jp.nop.cx.platform.outbox.OutboxEntries;
import jp.nop.cx.platform.outbox.OutboxProperties;
import jp.nop.cx.platform.outbox.OutboxRelay;
import jp.nop.cx.platform.outbox.OutboxRelayScheduler;
import jp.nop.cx.platform.security.RevocationFeed;
import jp.nop.cx.platform.security.RevocationValidator;
import jp.nop.cx.platform.security.RevokedCredentials;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Clock, idempotent consumers and the revocation check for every service; the outbox and
 * processed-event records for the services with a MongoDB database (the gateway has none). Job
 * locks: {@code SchedulerLockAutoConfiguration}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

	/** UTC system clock; tests replace it to control time rules. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Refuses JSON values of the wrong type instead of coercing them, in every service. */
	@Bean
	StrictJson strictJson() {
		return new StrictJson();
	}

	/** Every service publishes CloudEvents with it: the relay, and the gateway for its samples. */
	@Bean
	@ConditionalOnMissingBean
	CloudEventProducer cloudEventProducer(KafkaProperties kafka) {
		return new CloudEventProducer(kafka.buildProducerProperties());
	}

	@Bean
	@ConditionalOnMissingBean
	EventConsumers eventConsumers(ObjectMapper objectMapper, ObjectProvider<ProcessedEvents> processed) {
		return new EventConsumers(objectMapper, processed.getIfAvailable(InMemoryProcessedEvents::new));
	}

	/**
	 * Art. 4.3: the revocation set and the validator that refuses revoked tokens (Boot adds every
	 * {@code OAuth2TokenValidator<Jwt>} bean to the JWT decoder, servlet or reactive), in the
	 * gateway and every service alike (ADR 0007).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.Jwt")
	static class RevocationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RevokedCredentials revokedCredentials() {
			return new RevokedCredentials();
		}

		@Bean
		OAuth2TokenValidator<Jwt> revocationValidator(RevokedCredentials revoked) {
			return new RevocationValidator(revoked);
		}

		/**
		 * Every instance reads {@code credential-revoked} itself and is not ready before it has
		 * read the whole topic ({@code revocations} in the readiness group, PlatformDefaults).
		 * The gateway switches it off: it reads the topic with its other state topics.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnProperty(name = "cx.security.revocation-feed.enabled", matchIfMissing = true)
		static class RevocationFeedConfiguration {

			@Bean
			RevocationFeed revocationFeed(KafkaProperties kafka, RevokedCredentials revoked,
					ObjectMapper objectMapper) {
				return new RevocationFeed(kafka.buildConsumerProperties(), revoked, objectMapper);
			}

			@Bean
			@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
			HealthIndicator revocationsHealthIndicator(RevocationFeed feed) {
				return () -> (feed.isLoaded() ? Health.up() : Health.down()).withDetails(feed.progress()).build();
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MongoTemplate.class)
	@ConditionalOnBean(MongoTemplate.class)
	static class MongoPlatformConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxEntries outboxEntries(ObjectMapper objectMapper, Clock clock, ObjectProvider<Tracer> tracer) {
			return new OutboxEntries(objectMapper, clock, tracer);
		}

		@Bean
		OutboxBeforeConvertCallback outboxBeforeConvertCallback(OutboxEntries entries) {
			return new OutboxBeforeConvertCallback(entries);
		}

		@Bean
		OutboxAfterSaveCallback outboxAfterSaveCallback(ObjectProvider<OutboxRelayScheduler> scheduler) {
			return new OutboxAfterSaveCallback(scheduler);
		}

		@Bean
		@ConditionalOnMissingBean
		ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock,
				@Value("${cx.messaging.processed-retention:14d}") Duration retention) {
			return new MongoProcessedEvents(mongo, clock, retention);
		}

		/**
		 * A store that is away is a fast answer, never a hung request (SPEC section 5): an
		 * operation waits this long for a server (the driver's own default is 30 s), so requests
		 * get a 503 problem within 2 s and readiness turns DOWN while it is away; the driver's
		 * monitor finds it again by itself.
		 */
		@Bean
		@ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer")
		MongoClientSettingsBuilderCustomizer storeTimeouts(
				@Value("${cx.mongodb.server-selection-timeout:1s}") Duration serverSelection,
				@Value("${cx.mongodb.connect-timeout:1s}") Duration connect) {
			return (settings) -> settings
				.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(serverSelection.toMillis(),
						TimeUnit.MILLISECONDS))
				.applyToSocketSettings((socket) -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS));
		}

		/** Named as Boot's, so it replaces it: Boot's sends {@code hello}, which mongo-java-server lacks. */
		@Bean
		@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
		MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
			return new MongoPingHealthIndicator(mongo);
		}

		@Bean
		OutboxRelay outboxRelay(MongoTemplate mongo, CloudEventProducer producer, OutboxProperties properties,
				Clock clock, MeterRegistry meters) {
			return new OutboxRelay(mongo, producer, properties, clock, meters);
		}

		@Bean
		@ConditionalOnProperty(name = "cx.outbox.enabled", matchIfMissing = true)
		OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
			return new OutboxRelayScheduler(relay, properties);
		}
	}
}
