package jp.nop.cx.notification;

import jp.nop.cx.platform.security.Roles;
import jp.nop.cx.platform.security.SecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. The services still check the partner in the data (tenant isolation): a
 * rule here only says which roles reach an endpoint at all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityRules notificationRules() {
		return (rules) -> rules
			// Proof of notice across partners is the operator's view.
			.requestMatchers("/api/v1/notifications/deliveries", "/api/v1/notifications/deliveries/**")
			.hasRole(Roles.OPERATOR)
			// Art. 4.1: account administration (where the partner's systems are called) is the admin ID's.
			.requestMatchers(HttpMethod.PUT, "/api/v1/notifications/me/webhook")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers(HttpMethod.DELETE, "/api/v1/notifications/me/webhook")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers("/api/v1/notifications/me", "/api/v1/notifications/me/**")
			.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER)
			.requestMatchers(HttpMethod.POST, "/api/v1/notifications/*/read")
			.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER);
	}
}
