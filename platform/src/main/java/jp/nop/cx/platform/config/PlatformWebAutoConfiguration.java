package jp.nop.cx.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.nop.cx.platform.security.CxPrincipalArgumentResolver;
import jp.nop.cx.platform.security.EnrolmentOnlyTokenFilter;
import jp.nop.cx.platform.security.ProblemSecurityHandlers;
import jp.nop.cx.platform.security.SecurityRules;
import jp.nop.cx.platform.client.ClientAddressResolver;
import jp.nop.cx.platform.web.ClientInfoArgumentResolver;
import jp.nop.cx.platform.web.ProblemErrorController;
import jp.nop.cx.platform.web.ProblemErrorReportValve;
import jp.nop.cx.platform.web.ProblemHandler;
import jp.nop.cx.platform.web.RequestSizeLimitFilter;
import jp.nop.cx.platform.web.UnsupportedMethodFilter;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
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
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem responses, body limits and the JWT resource server of every servlet service. */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
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

	/** Errors no controller answered, as problems (instead of Boot's BasicErrorController). */
	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemHandler problems) {
		return new ProblemErrorController(problems);
	}

	@Bean
	FilterRegistrationBean<UnsupportedMethodFilter> unsupportedMethodFilter(ProblemHandler problems,
			ObjectMapper objectMapper) {
		FilterRegistrationBean<UnsupportedMethodFilter> registration = new FilterRegistrationBean<>(
				new UnsupportedMethodFilter(problems, objectMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/**
	 * The request's language for everything Spring MVC resolves, Bean Validation's messages
	 * included: ja unless the client prefers en, as the problem titles (SPEC 5).
	 */
	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return ProblemHandler.locale(request);
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				throw new UnsupportedOperationException("The language follows Accept-Language");
			}
		};
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
	@ConditionalOnMissingBean
	ClientAddressResolver clientAddressResolver(HttpLimitsProperties http) {
		return new ClientAddressResolver(http.trustedProxies());
	}

	@Bean
	WebMvcConfigurer cxPrincipalResolver(ClientAddressResolver clientAddresses) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CxPrincipalArgumentResolver());
				resolvers.add(new ClientInfoArgumentResolver(clientAddresses));
			}
		};
	}

	/** What Tomcat refuses before any servlet (a malformed request line), as problems too. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatProblemsConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve(ProblemHandler problems,
				ObjectMapper objectMapper) {
			return (factory) -> factory
				.addContextCustomizers((context) -> ProblemErrorReportValve.install(context, problems, objectMapper));
		}
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
				ProblemSecurityHandlers handlers, ProblemHandler problems, ObjectMapper objectMapper) throws Exception {
			// ADR 0018: a token only good for enrolling a second factor does nothing else, anywhere.
			http.addFilterAfter(new EnrolmentOnlyTokenFilter(problems, objectMapper),
					BearerTokenAuthenticationFilter.class);
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
