package jp.nop.cx.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nop.cx.platform.security.CxPrincipalArgumentResolver;
import jp.nop.cx.platform.security.ProblemSecurityHandlers;
import jp.nop.cx.platform.security.SecurityRules;
import jp.nop.cx.platform.web.ProblemHandler;
import jp.nop.cx.platform.web.RequestSizeLimitFilter;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem responses, body limits and the JWT resource server of every servlet service. */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class PlatformWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemHandler problemHandler(MessageSource messageSource) {
		return new ProblemHandler(messageSource);
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpLimitsProperties limits,
			ProblemHandler problems, ObjectMapper objectMapper) {
		Map<String, Long> byPath = new LinkedHashMap<>();
		limits.bodyLimits().forEach((path, size) -> byPath.put(path, size.toBytes()));
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(limits.maxBodySize().toBytes(), byPath, problems, objectMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	WebMvcConfigurer cxPrincipalResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CxPrincipalArgumentResolver());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityFilterChain.class)
	@EnableMethodSecurity
	static class ResourceServerConfiguration {

		@Bean
		ProblemSecurityHandlers problemSecurityHandlers(ProblemHandler problems, ObjectMapper objectMapper) {
			return new ProblemSecurityHandlers(problems, objectMapper);
		}

		@Bean
		@ConditionalOnMissingBean(SecurityFilterChain.class)
		SecurityFilterChain cxSecurityFilterChain(HttpSecurity http, ObjectProvider<SecurityRules> serviceRules,
				ProblemSecurityHandlers handlers) throws Exception {
			http.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache((c) -> c.disable())
				.exceptionHandling((e) -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
				.oauth2ResourceServer((o) -> o.jwt((jwt) -> {
				}).authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
				.authorizeHttpRequests((rules) -> {
					rules.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health", "/actuator/info",
							"/actuator/prometheus")
						.permitAll()
						.requestMatchers("/error")
						.permitAll()
						// The service's OpenAPI document is public (SPEC section 5, Contracts).
						.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
						.permitAll();
					serviceRules.orderedStream().forEach((r) -> r.apply(rules));
					rules.anyRequest().authenticated();
				});
			return http.build();
		}
	}
}
