package jp.nop.cx.platform.openapi;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import jp.nop.cx.platform.security.Roles;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call an operation, asked of the service's own security filter chain rather than written
 * down a second time: the document then says what the service enforces. A request of the
 * operation's method and path (path variables filled in) is put to the chain's authorization
 * manager as an anonymous caller and as a caller of each role.
 */
final class AccessRules {

	/** The roles of SPEC section 2, in the order the documents list them. */
	static final List<String> ROLES = List.of(Roles.OPERATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER);

	private final List<AuthorizationManager<HttpServletRequest>> managers;

	private AccessRules(List<AuthorizationManager<HttpServletRequest>> managers) {
		this.managers = managers;
	}

	static AccessRules of(List<SecurityFilterChain> chains) {
		List<AuthorizationManager<HttpServletRequest>> managers = new ArrayList<>();
		for (SecurityFilterChain chain : chains) {
			chain.getFilters()
				.stream()
				.filter(AuthorizationFilter.class::isInstance)
				.map((f) -> ((AuthorizationFilter) f).getAuthorizationManager())
				.forEach(managers::add);
		}
		return new AccessRules(managers);
	}

	/** What the service lets through for {@code method} on the path template {@code path}. */
	Access accessTo(String method, String path) {
		String concrete = path.replaceAll("\\{[^}]+}", "x");
		if (granted(anonymous(), method, concrete)) {
			return new Access(true, ROLES);
		}
		List<String> roles = ROLES.stream().filter((role) -> granted(withRole(role), method, concrete)).toList();
		return new Access(false, roles);
	}

	private boolean granted(Authentication authentication, String method, String path) {
		if (this.managers.isEmpty()) {
			return false;
		}
		Supplier<Authentication> caller = () -> authentication;
		for (AuthorizationManager<HttpServletRequest> manager : this.managers) {
			AuthorizationResult result = manager.authorize(caller, request(method, path));
			if (result == null || !result.isGranted()) {
				return false;
			}
		}
		return true;
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("openapi", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	private static Authentication withRole(String role) {
		return UsernamePasswordAuthenticationToken.authenticated("openapi", null,
				AuthorityUtils.createAuthorityList("ROLE_" + role));
	}

	/** The dispatcher servlet mapped to "/", as in every service. */
	private static final HttpServletMapping DEFAULT_SERVLET = new HttpServletMapping() {
		@Override
		public String getMatchValue() {
			return "";
		}

		@Override
		public String getPattern() {
			return "/";
		}

		@Override
		public String getServletName() {
			return "dispatcherServlet";
		}

		@Override
		public MappingMatch getMappingMatch() {
			return MappingMatch.DEFAULT;
		}
	};

	/** Just enough of a request for Spring Security's path and method matchers. */
	private static HttpServletRequest request(String method, String path) {
		Map<String, Object> attributes = new HashMap<>();
		return (HttpServletRequest) Proxy.newProxyInstance(AccessRules.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class }, (proxy, invoked, args) -> switch (invoked.getName()) {
					case "getMethod" -> method;
					case "getRequestURI", "getServletPath" -> path;
					case "getRequestURL" -> new StringBuffer("http://localhost").append(path);
					case "getContextPath" -> "";
					case "getScheme" -> "http";
					case "getServerName" -> "localhost";
					case "getServerPort" -> 80;
					case "getDispatcherType" -> DispatcherType.REQUEST;
					case "getHttpServletMapping" -> DEFAULT_SERVLET;
					case "getAttribute" -> attributes.get((String) args[0]);
					case "setAttribute" -> {
						attributes.put((String) args[0], args[1]);
						yield null;
					}
					case "removeAttribute" -> attributes.remove((String) args[0]);
					case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
					case "getHeaderNames", "getParameterNames" -> Collections.emptyEnumeration();
					case "getHeaders" -> Collections.emptyEnumeration();
					case "getParameterMap" -> Map.of();
					case "getIntHeader" -> -1;
					case "getDateHeader" -> -1L;
					case "isSecure", "isAsyncStarted", "isAsyncSupported" -> false;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> method + " " + path;
					default -> null;
				});
	}

	/** Anonymous, or the roles that may call. */
	record Access(boolean anonymous, List<String> roles) {
	}
}
