package jp.nop.cx.enforcement;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import jp.nop.cx.events.EventType;
import jp.nop.cx.test.SharedInfrastructure;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The topics the gateway rebuilds its state from keep the latest record per key: compacted. */
class CompactedTopicsIT extends EnforcementIT {

	@Test
	void partnerStandingAndServiceStatusChangedAreCompactedWithThreePartitions() throws Exception {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrap());
		List<String> topics = List.of(EventType.PARTNER_STANDING.topic(), EventType.SERVICE_STATUS_CHANGED.topic());
		try (AdminClient admin = AdminClient.create(properties)) {
			Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
			Map<ConfigResource, Config> configs = admin
				.describeConfigs(topics.stream().map((t) -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
				.all()
				.get();

			for (String topic : topics) {
				assertThat(descriptions.get(topic).partitions()).as(topic).hasSize(3);
				assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
					.get(TopicConfig.CLEANUP_POLICY_CONFIG)
					.value()).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
			}
		}
	}
}
