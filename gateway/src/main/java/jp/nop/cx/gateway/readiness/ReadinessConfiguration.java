package jp.nop.cx.gateway.readiness;

import java.util.Map;
import java.util.TreeMap;

import io.netty.channel.ChannelOption;
import jp.nop.cx.gateway.routing.GatewayServices;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * SPEC section 6: the gateway's readiness ({@code /actuator/health/readiness}) is UP only when it
 * has loaded the enforcement state ({@code enforcementState}) and every service it routes to is
 * ready itself ({@code downstreams}). Liveness depends on neither: a gateway waiting for a service
 * is alive and must not be restarted for it. Each service is asked on its management port.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

	@Bean
	PublicProbesFilter publicProbesFilter(Environment environment) {
		return new PublicProbesFilter(environment);
	}

	@Bean
	ReactiveHealthIndicator enforcementStateHealthIndicator(StateLoading loading) {
		return () -> Mono.fromSupplier(
				() -> (loading.isLoaded() ? Health.up() : Health.down()).withDetails(loading.progress()).build());
	}

	@Bean
	CompositeReactiveHealthContributor downstreamsHealthContributor(GatewayServices services,
			ReadinessProperties properties, ObjectMapper objectMapper) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.downstreamTimeout().toMillis())
			.responseTimeout(properties.downstreamTimeout());
		WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		Map<String, ReactiveHealthContributor> each = new TreeMap<>();
		services.services()
			.forEach((name, service) -> each.put(name,
					new DownstreamReadiness(service.resolveManagement(properties.downstreamPath()), client, objectMapper,
							properties.downstreamTimeout(), properties.downstreamCacheTtl())));
		return CompositeReactiveHealthContributor.fromMap(each);
	}
}
