package jp.nop.cx.terms;

import jp.nop.cx.platform.security.Roles;
import jp.nop.cx.platform.security.SecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what. The published terms are public (applicants read them before agreeing,
 * preamble); publishing and the compliance overview are NOP's; acceptances are a partner's own.
 * Everything else (the internal export) needs a valid token, checked again per partner.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityRules termsRules() {
		return (rules) -> rules
			.requestMatchers(HttpMethod.GET, "/api/v1/terms/current", "/api/v1/terms/versions",
					"/api/v1/terms/versions/**", "/api/v1/terms/effective", "/api/v1/terms/supplements",
					"/api/v1/terms/supplements/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/terms/versions", "/api/v1/terms/supplements")
			.hasRole(Roles.OPERATOR)
			.requestMatchers(HttpMethod.GET, "/api/v1/terms/compliance")
			.hasRole(Roles.OPERATOR)
			.requestMatchers("/api/v1/terms/acceptances", "/api/v1/terms/acceptances/**")
			.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER);
	}
}
