package jp.nop.cx.enforcement;

import jp.nop.cx.platform.security.Roles;
import jp.nop.cx.platform.security.SecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what (SPEC section 3): the service status is public; a partner reads only its own
 * standing and cases, and its administrator proposes resumptions (Art. 7.5); everything else
 * here is the operator's. The internal export checks the token's
 * partner in the controller (404 for another partner's data). The audit trail is the operator's; a
 * partner's administrator reads its own company's part (not members).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityRules enforcementRules() {
		return (rules) -> rules.requestMatchers(HttpMethod.GET, "/api/v1/service-status")
			.permitAll()
			// Art. 7.5: proposing a resumption is an act for the company: its administrator's.
			.requestMatchers(HttpMethod.POST, "/api/v1/enforcement/me/cases/*/proposals")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers("/api/v1/enforcement/me/**")
			.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER)
			.requestMatchers("/api/v1/enforcement/**", "/api/v1/service-status/**")
			.hasRole(Roles.OPERATOR)
			.requestMatchers("/internal/v1/partners/*/export")
			.authenticated();
	}

	@Bean
	SecurityRules auditRules() {
		return (rules) -> rules.requestMatchers("/api/v1/audit/me")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers("/api/v1/audit", "/api/v1/audit/**")
			.hasRole(Roles.OPERATOR);
	}
}
