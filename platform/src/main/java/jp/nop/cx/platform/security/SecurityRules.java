package jp.nop.cx.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own authorization rules (anonymous paths, operator-only paths), applied before the
 * platform's final rule that every other request needs a valid token.
 */
@FunctionalInterface
public interface SecurityRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
