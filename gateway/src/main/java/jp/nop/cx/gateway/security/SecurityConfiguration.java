package jp.nop.cx.gateway.security;

import java.time.Duration;
import java.util.function.Consumer;

import jp.nop.cx.events.CredentialRevoked;
import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import jp.nop.cx.gateway.readiness.StateLoading;
import jp.nop.cx.gateway.routing.ConsolePaths;
import jp.nop.cx.platform.messaging.EventConsumers;
import jp.nop.cx.platform.security.RevokedCredentials;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may pass the gateway at all. Every request needs a valid token from identity-service (the
 * JWKS is fetched from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, cached, and
 * fetched again when a token names an unknown key, so key rotation needs no restart), except the
 * anonymous paths of SPEC section 3. The services verify the token again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	/**
	 * Anonymous writes: applying (Art. 3), signing in (and its second step), refreshing,
	 * activating an ID (Art. 4.1).
	 */
	static final String[] ANONYMOUS_POSTS = { "/api/v1/registrations", "/api/v1/auth/token", "/api/v1/auth/token/mfa",
			"/api/v1/auth/refresh", "/api/v1/auth/activation", "/api/v1/auth/unlock" };

	/**
	 * Anonymous reads: the signing keys, the published terms (preamble, Art. 1.2, 16) and the
	 * service status (Art. 8-11), so anyone can read the rules and whether the portal is up.
	 */
	static final String[] ANONYMOUS_READS = { "/api/v1/auth/jwks", "/api/v1/terms/current", "/api/v1/terms/versions",
			"/api/v1/terms/versions/**", "/api/v1/terms/effective", "/api/v1/terms/supplements",
			"/api/v1/terms/supplements/**", "/api/v1/service-status" };

	/** The contracts (SPEC section 5): OpenAPI documents, Swagger UI and the AsyncAPI document. */
	static final String[] CONTRACTS = { "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui", "/swagger-ui/**",
			"/webjars/swagger-ui/**", "/asyncapi.yaml" };

	/**
	 * Actuator: everything on the management port; on the public port only the two probes exist
	 * (PublicProbesFilter), and any other actuator path is a 404 problem, not a 401.
	 */
	static final String[] ACTUATOR = { "/actuator", "/actuator/**", "/livez", "/readyz" };

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// Stateless: every request carries its token; nothing is remembered between requests.
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// CORS (CorsConfiguration): preflights are answered before any token is asked for.
			.cors(Customizer.withDefaults())
			.exceptionHandling((e) -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.oauth2ResourceServer((o) -> o.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.authorizeExchange((rules) -> rules.pathMatchers(HttpMethod.GET, ACTUATOR)
				.permitAll()
				.pathMatchers(HttpMethod.POST, ANONYMOUS_POSTS)
				.permitAll()
				.pathMatchers(HttpMethod.GET, ANONYMOUS_READS)
				.permitAll()
				.pathMatchers(HttpMethod.GET, CONTRACTS)
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, ANONYMOUS_READS)
				.permitAll()
				// Only reachable by the circuit breaker's internal forward, never from outside.
				.pathMatchers("/fallback/**")
				.denyAll()
				// The console's pages are public; the console signs its users in itself.
				.matchers(new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(ConsolePaths.NOT_CONSOLE)))
				.permitAll()
				.anyExchange()
				.authenticated())
			.build();
	}

	/**
	 * Boot's JWT decoder, with the RSA check of a token done once rather than on every request
	 * ({@link VerifiedSignatures}); everything else the decoder checks is checked every time.
	 */
	@Bean
	JwkSetUriReactiveJwtDecoderBuilderCustomizer verifiedSignatures() {
		VerifiedSignatures verified = new VerifiedSignatures(50_000, Duration.ofMinutes(15));
		return (builder) -> builder.jwtProcessorCustomizer((processor) -> processor.setJWSVerifierFactory(verified));
	}

	/**
	 * Spring Security's strict firewall as it comes, with its header checks done without regular
	 * expressions ({@link HeaderCharacters}: the same characters allowed, at a fraction of the cost).
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
		return firewall;
	}

	/**
	 * Paths that try to climb out of their route ({@code ..}, encoded slashes) are refused by
	 * Spring Security's firewall before anything else; the answer is a problem like all others.
	 */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponses problems) {
		return (exchange, rejected) -> problems.write(exchange, Problem.of(HttpStatus.BAD_REQUEST, "bad-request"));
	}

	/**
	 * Art. 4.3: every instance reads every revocation, from the beginning of the topic, into the
	 * platform's {@link RevokedCredentials}, whose validator the platform adds to the JWT decoder as
	 * in every service. Through the binder rather than the platform's feed (switched off in
	 * application.yml), so that {@link StateLoading} counts it with the other state topics the
	 * gateway must have read before it is ready.
	 */
	@Bean
	Consumer<Message<byte[]>> onCredentialRevoked(EventConsumers consumers, StateLoading loading,
			RevokedCredentials revoked) {
		return loading.tracked(consumers.idempotent("onCredentialRevoked", CredentialRevoked.class,
				(event) -> revoked.apply(event.payload())));
	}
}
