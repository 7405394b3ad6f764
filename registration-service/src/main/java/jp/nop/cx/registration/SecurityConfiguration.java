package jp.nop.cx.registration;

import jp.nop.cx.platform.security.Roles;
import jp.nop.cx.platform.security.SecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what. Applying is open to anyone (Art. 3); reviewing, transfers and other
 * partners' records are NOP's (Art. 2.1, 17); a partner reaches only {@code /partners/me}, and
 * only its administrator ID changes the company's account (Art. 4.1, 4.2). The services check
 * the partner ID against the token again: a rule here is not the only line.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityRules registrationRules() {
		return (rules) -> rules.requestMatchers(HttpMethod.POST, "/api/v1/registrations")
			.permitAll()
			.requestMatchers("/api/v1/registrations/**", "/api/v1/transfers/**")
			.hasRole(Roles.OPERATOR)
			.requestMatchers(HttpMethod.PATCH, "/api/v1/partners/me")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers("/api/v1/partners/me/termination")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/v1/partners/me/transfers")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers("/api/v1/partners/me", "/api/v1/partners/me/**")
			.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER)
			.requestMatchers("/api/v1/partners", "/api/v1/partners/**")
			.hasRole(Roles.OPERATOR);
	}
}
