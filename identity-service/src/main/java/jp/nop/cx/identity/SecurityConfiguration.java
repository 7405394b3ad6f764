package jp.nop.cx.identity;

import jp.nop.cx.platform.security.Roles;
import jp.nop.cx.platform.security.SecurityRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call what. The services check the partner in the data again (tenant isolation). */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityRules identityRules() {
		return (rules) -> rules
			// Signing in, refreshing and activating are how one gets a token in the first place.
			.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/token/mfa", "/api/v1/auth/refresh",
					"/api/v1/auth/activation", "/api/v1/auth/unlock")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/auth/jwks")
			.permitAll()
			.requestMatchers("/api/v1/identity/credentials/**", "/api/v1/identity/keys", "/api/v1/identity/keys/**")
			.hasRole(Roles.OPERATOR)
			// Art. 4.2: account administration is the administrator's alone.
			.requestMatchers("/api/v1/identity/members", "/api/v1/identity/members/**")
			.hasRole(Roles.PARTNER_ADMIN)
			// Art. 4.3: the partner reports its own IDs.
			.requestMatchers("/api/v1/identity/me/incidents")
			.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER)
			.requestMatchers("/api/v1/identity/me", "/api/v1/identity/me/**")
			.authenticated();
	}
}
