package jp.nop.cx.notification.delivery;

import jp.nop.cx.notification.system.NotificationProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	RetrySchedule retrySchedule(NotificationProperties properties) {
		return new RetrySchedule(properties.delivery().retrySchedule());
	}
}
