package jp.nop.cx.console.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.console.ConsoleProperties;
import jp.nop.cx.console.session.ConsoleSession;
import jp.nop.cx.console.session.SignedOut;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API as the signed-in person calls it: their token (refreshed shortly before it expires),
 * their language and their address. A token the platform refuses ends the session
 * ({@link SignedOut}), so a revoked ID is signed out of the console at its next page.
 */
@Component
public class Api {

	private final GatewayClient gateway;

	private final ConsoleSession session;

	private final ConsoleProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	Api(GatewayClient gateway, ConsoleSession session, ConsoleProperties properties, JsonMapper json, Clock clock) {
		this.gateway = gateway;
		this.session = session;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	public ObjectNode object() {
		return this.json.createObjectNode();
	}

	public ApiResponse get(String path) {
		return call(HttpMethod.GET, path, null);
	}

	public ApiResponse post(String path, Object body) {
		return call(HttpMethod.POST, path, body);
	}

	public ApiResponse put(String path, Object body) {
		return call(HttpMethod.PUT, path, body);
	}

	public ApiResponse patch(String path, Object body) {
		return call(HttpMethod.PATCH, path, body);
	}

	public ApiResponse delete(String path, Object body) {
		return call(HttpMethod.DELETE, path, body);
	}

	/** A call without the session's token: applying, signing in, public reads. */
	public ApiResponse anonymous(HttpMethod method, String path, Object body) {
		return this.gateway.exchange(method, path, body, null, locale(), clientAddress(), userAgent());
	}

	private ApiResponse call(HttpMethod method, String path, Object body) {
		if (!this.session.isSignedIn()) {
			return anonymous(method, path, body);
		}
		refreshIfDue();
		ApiResponse response = this.gateway.exchange(method, path, body, this.session.getAccessToken(), locale(),
				clientAddress(), userAgent());
		if (response.status() == 401) {
			this.session.clear();
			throw new SignedOut(response.json().path("type").asString("unauthorized"));
		}
		return response;
	}

	private void refreshIfDue() {
		Instant expiresAt = this.session.getAccessExpiresAt();
		if (expiresAt != null && this.clock.instant().isBefore(expiresAt.minus(this.properties.refreshBefore()))) {
			return;
		}
		ObjectNode body = object().put("refreshToken", this.session.getRefreshToken());
		ApiResponse refreshed = anonymous(HttpMethod.POST, "/api/v1/auth/refresh", body);
		if (!refreshed.ok()) {
			this.session.clear();
			throw new SignedOut("refresh refused: " + refreshed.status());
		}
		this.session.refreshed(refreshed.json().path("accessToken").asString(),
				refreshed.json().path("refreshToken").asString(),
				this.clock.instant().plusSeconds(refreshed.json().path("expiresIn").asLong(900)));
	}

	public Instant expiryOf(ApiResponse tokenResponse) {
		return this.clock.instant().plusSeconds(tokenResponse.json().path("expiresIn").asLong(900));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	/**
	 * The browser's address as the gateway told it (the gateway is the only peer the console
	 * trusts; {@code server.forward-headers-strategy} makes {@code getRemoteAddr} honour it).
	 */
	private static String clientAddress() {
		return request().getRemoteAddr();
	}

	private static String userAgent() {
		return request().getHeader(HttpHeaders.USER_AGENT);
	}

}
