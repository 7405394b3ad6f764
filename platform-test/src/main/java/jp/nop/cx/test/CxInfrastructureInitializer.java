package jp.nop.cx.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test's Spring context at the shared broker, store and test JWKS. */
public class CxInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		SharedInfrastructure infra = SharedInfrastructure.get();
		String database = context.getEnvironment().getProperty("cx.test.database",
				context.getEnvironment().getProperty("spring.application.name", "cx-test"));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrap());
		properties.put("spring.cloud.stream.kafka.binder.brokers", infra.kafkaBootstrap());
		properties.put("spring.mongodb.uri", infra.mongoUri(database));
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
		properties.put("cx.outbox.poll-interval", "50ms");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cxTestInfrastructure", properties));
	}
}
