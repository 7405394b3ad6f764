package jp.nop.cx.notification.webhook;

import jp.nop.cx.notification.system.NotificationProperties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The SSRF guard and the HTTP client webhooks are sent with. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	HostResolver systemHostResolver() {
		return HostResolver.system();
	}

	@Bean
	WebhookTargetGuard webhookTargetGuard(HostResolver resolver, NotificationProperties properties) {
		NotificationProperties.Webhooks webhooks = properties.webhooks();
		return new WebhookTargetGuard(resolver, webhooks.allowPrivateTargets(), webhooks.privateTargetAllowlist(),
				webhooks.maxUrlLength());
	}

	/**
	 * Connects only where the guard allows (its DNS resolver), follows no redirect (a redirect
	 * could point anywhere), retries nothing by itself (the retry schedule does), and gives up
	 * quickly so a slow receiver holds one worker for seconds, not minutes.
	 */
	@Bean(destroyMethod = "close")
	CloseableHttpClient webhookHttpClient(WebhookTargetGuard guard, NotificationProperties properties) {
		NotificationProperties.Webhooks webhooks = properties.webhooks();
		Timeout connect = Timeout.of(webhooks.connectTimeout());
		Timeout response = Timeout.of(webhooks.responseTimeout());
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDnsResolver(guard))
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(response).build())
				.setMaxConnPerRoute(webhooks.concurrency())
				.setMaxConnTotal(webhooks.concurrency() * 4)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(response)
				.setConnectionRequestTimeout(connect)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("NOP-CX-Portal-Webhooks/1")
			.build();
	}

	@Bean
	RestClient webhookRestClient(CloseableHttpClient webhookHttpClient) {
		return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(webhookHttpClient)).build();
	}
}
