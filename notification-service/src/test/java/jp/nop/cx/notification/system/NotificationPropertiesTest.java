package jp.nop.cx.notification.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPropertiesTest {

	@Test
	void theDefaultsAreTheDocumentedOnesWithTheSvixRetrySchedule() {
		NotificationProperties properties = bind(Map.of());
		assertThat(properties.portalBase()).isEqualTo("http://localhost:8080");
		assertThat(properties.operatorEmail()).isEqualTo("operator@nop.example");
		assertThat(properties.mail().from()).isEqualTo("cx-portal@nop.example");
		assertThat(properties.delivery().retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5),
				Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
				Duration.ofHours(10));
		assertThat(properties.fanOut().pageSize()).isEqualTo(500);
		assertThat(properties.webhooks().allowPrivateTargets()).isFalse();
		assertThat(properties.webhooks().privateTargetAllowlist()).isEmpty();
	}

	@Test
	void anUnsetAllowlistVariableMeansNoException() {
		// application.yml reads ${CX_WEBHOOK_PRIVATE_TARGET_ALLOWLIST:}, an empty string when unset.
		assertThat(bind(Map.of("cx.notification.webhooks.private-target-allowlist", "")).webhooks()
			.privateTargetAllowlist()).isEmpty();
		assertThat(bind(Map.of("cx.notification.webhooks.private-target-allowlist", "127.0.0.1:9000, [::1]:9000"))
			.webhooks()
			.privateTargetAllowlist()).containsExactly("127.0.0.1:9000", "[::1]:9000");
	}

	@Test
	void aTrailingSlashOnThePortalUrlMakesNoDoubleSlashInLinks() {
		assertThat(bind(Map.of("cx.notification.portal-base-url", "https://portal.nop.example/")).portalBase())
			.isEqualTo("https://portal.nop.example");
	}

	private static NotificationProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("cx.notification",
				NotificationProperties.class);
	}
}
