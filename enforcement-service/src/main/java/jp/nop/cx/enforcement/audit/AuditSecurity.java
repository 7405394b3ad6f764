package jp.nop.cx.enforcement.audit;

import jp.nop.cx.platform.security.Roles;
import jp.nop.cx.platform.security.SecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trail is the operator's; a partner's administrator reads its own company's part (not members). */
@Configuration(proxyBeanMethods = false)
class AuditSecurity {

	@Bean
	SecurityRules auditRules() {
		return (rules) -> rules.requestMatchers("/api/v1/audit/me")
			.hasRole(Roles.PARTNER_ADMIN)
			.requestMatchers("/api/v1/audit", "/api/v1/audit/**")
			.hasRole(Roles.OPERATOR);
	}
}
