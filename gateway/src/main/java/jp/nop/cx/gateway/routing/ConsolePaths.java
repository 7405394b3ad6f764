package jp.nop.cx.gateway.routing;

/**
 * Which paths are the web console's (SPEC section 3, console): every path that is not the API,
 * the gateway's own actuator, or the API documents. The console route and the security rules
 * read the same list.
 */
public final class ConsolePaths {

	/** Paths the console never gets: the gateway's and the services' own. */
	public static final String[] NOT_CONSOLE = { "/api/**", "/actuator/**", "/fallback/**", "/internal/**", "/v3/**",
			"/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/asyncapi.yaml" };

	private ConsolePaths() {
	}

}
